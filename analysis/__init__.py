"""stbrief: tables and a policy brief on China's S&T diplomacy, built from a corpus of documents.

Modules are named for what they hold: ``corpus`` (documents), ``facts`` (numeric claims),
``series``, ``events``, ``partners``, ``themes``, ``figures``, ``render``, ``build``, ``cli``.
Nothing heavy is imported here, so ``stbrief --help`` starts fast.
"""

__version__ = "0.1.0"
