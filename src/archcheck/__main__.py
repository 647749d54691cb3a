"""`python -m archcheck`: the same command as `archcheck`, for when the script is not on PATH."""

from archcheck.cli import main

if __name__ == "__main__":
    main()
