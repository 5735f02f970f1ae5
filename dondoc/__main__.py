from dondoc.cli import app

app()
