"""Second Heart's site generator: content/ in, a static MkDocs Material site out.

Folders follow the data's one-way trip (see ``build.py`` for the pipeline in order):

    content/   stage 1: read, validate, cross-link and measure content/ → SiteContext
    charts/    stage 2a: figures and tables made at build time (registry CHARTS)
    widgets/   stage 2b: the in-browser widgets' blocks and files (registry WIDGETS)
    pictures/  stage 2c: exercise pictures and diagrams drawn as SVG from pose data
    pages/     stage 3: Markdown pages, navigation, templates
    handouts/  print handouts (HTML + PDF with QR codes), on demand: `second-heart handouts`
    theme/     Material template override; assets/: the site's own CSS, JS and icons

``build.py`` runs the stages, ``cli.py`` is the only command-line front end and
``mkdocs_hooks.py`` lets plain ``mkdocs build`` run the same build. A later stage may
import an earlier one, never the reverse (tests/test_architecture.py).
"""
