"""Opt-in compiled fingerprint fast path: `CNSNT_COMPILE=1 pip install .`.

A plain install never needs a compiler: without the variable there is no
extension, and with it a failed build is skipped (`optional=True`); cnsnt then
uses the pure-Python fingerprint, which gives the same results.
"""

import os

from setuptools import Extension, setup

ext_modules = []
if os.environ.get("CNSNT_COMPILE") == "1":
    ext_modules.append(
        Extension("cnsnt.sql._fastlex", ["cnsnt/sql/_fastlex.c"], optional=True)
    )

setup(ext_modules=ext_modules)
