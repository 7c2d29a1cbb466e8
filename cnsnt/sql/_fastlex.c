/*
 * Optional compiled fast path of cnsnt.sql.fingerprint (opt-in build:
 * CNSNT_COMPILE=1 pip install .). fold(stmt) returns exactly
 * _FAST_LITERAL.sub(b"?", stmt).lower() in one pass:
 *
 *   _FAST_LITERAL = rb"[\d'$](?<![\w$][\d$])(?:(?<=')[^']*'|[\d.]*)"
 *
 * a digit or `$` not preceded by a word character or `$`, with the digits
 * and dots after it, becomes `?`; a quote with the text up to the next quote
 * (or, unterminated, the digits and dots after it) becomes `?`; every other
 * byte is ASCII-lower-cased. The pure-Python module stays the reference: a
 * test compares both on many statements.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

static inline int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static inline int is_word(unsigned char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static PyObject *fold(PyObject *self, PyObject *arg) {
    (void)self;
    if (!PyBytes_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "fold() takes bytes");
        return NULL;
    }
    const unsigned char *s = (const unsigned char *)PyBytes_AS_STRING(arg);
    Py_ssize_t n = PyBytes_GET_SIZE(arg);
    PyObject *result = PyBytes_FromStringAndSize(NULL, n);
    if (result == NULL) {
        return NULL;
    }
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(result);
    Py_ssize_t i = 0, o = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (is_digit(c) || c == '$') {
            if (i > 0 && (is_word(s[i - 1]) || s[i - 1] == '$')) {
                out[o++] = c;
                i++;
                continue;
            }
            Py_ssize_t j = i + 1;
            while (j < n && (is_digit(s[j]) || s[j] == '.')) {
                j++;
            }
            out[o++] = '?';
            i = j;
            continue;
        }
        if (c == '\'') {
            const unsigned char *close = memchr(s + i + 1, '\'', (size_t)(n - i - 1));
            if (close != NULL) {
                i = (close - s) + 1;
            } else {
                Py_ssize_t j = i + 1;
                while (j < n && (is_digit(s[j]) || s[j] == '.')) {
                    j++;
                }
                i = j;
            }
            out[o++] = '?';
            continue;
        }
        out[o++] = (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
        i++;
    }
    if (o != n && _PyBytes_Resize(&result, o) < 0) {
        return NULL;
    }
    return result;
}

static PyMethodDef methods[] = {
    {"fold", fold, METH_O, "_FAST_LITERAL.sub(b'?', stmt).lower() in one pass."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_fastlex", "Compiled fast path of cnsnt.sql.fingerprint.", -1, methods,
};

PyMODINIT_FUNC PyInit__fastlex(void) { return PyModule_Create(&module); }
