from cnsnt.cli import main

main()
