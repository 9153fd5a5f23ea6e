from genderlint.cli import run

run()
