"""An article written to break out of Turtle literals and HTML."""

EVIL_TEXT = (
    "Hacker Weekly\n\n"
    'The minister said that <script>window.pwned = 1</script> and <img src=x onerror="window.pwned = 2"> '
    'were """harmless""" with a back\\slash and a > sign.\n\n'
    '"</script><script>window.pwned = 3</script>" the spokesman told reporters.\n'
)
