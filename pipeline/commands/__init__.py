"""The commands of the command line, by group; `pipeline/cli.py` lists them all (`COMMANDS`)."""
