from plainfinnish.cli import main

main()
