"""Publishing: a release to a git remote with Git LFS (the Hugging Face Hub or any git host),
one commit and one tag per version, in order; the documentation site to a pages branch.

``release.py``: a release checked and planned (tree, message, tag); ``site.py``: the site
planned; ``push.py``: the plan committed on the branch and pushed atomically; ``tree.py``:
the tree's files and which go through LFS; ``remote.py``: the address and the versions the
remote holds; ``git.py``: git processes and credentials.
"""
