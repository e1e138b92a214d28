"""The commands of the command line, by group; `pipeline/cli/main.py` lists them all (`COMMANDS`)."""
