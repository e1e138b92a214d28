"""`python -m pipeline`: the same as the console script `shtab`."""

from .cli.entry import main

main()
