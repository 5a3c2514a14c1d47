from longdan.cli import main

main()
