"""The colours of the graph wherever it is drawn: the page (``html``) and Gephi's files (``gephi``)."""

STANCE_COLORS = {
    "asserts": "#1f77b4",
    "confirms": "#2ca02c",
    "questions": "#ff7f0e",
    "denies": "#d62728",
    "refutes": "#9467bd",
}
KIND_STYLE = {  # colour, corner radius: square outlets, rounded claims, pill-shaped actors
    "outlet": ("#e8e8e8", 0),
    "claim": ("#fff3b0", 6),
    "actor": ("#c7e9c0", 18),
}
CONTESTED, LAUNDERED = "#d62728", "#e6550d"  # the outlines of contested and laundered claims
ENTITY = "#c6dbef"  # what claims are about and never speaks (the page lists these; Gephi draws them)
