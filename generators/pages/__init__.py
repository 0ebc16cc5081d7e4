"""Stage 3: the context and stage 2's blocks → Markdown pages and the navigation.

``pages.py`` says which pages exist and in what order; ``render.py`` turns content
Markdown into page Markdown (numbered citations, resolved item links, JSON-LD, front
matter); ``templates/`` holds one Jinja2 template per page kind.
"""
