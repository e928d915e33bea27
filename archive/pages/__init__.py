"""A cited page as the council published it: the quote found on the page (match), the page
rendered with it highlighted (render), rendered pages kept on disk (cache), and the citation
as one line or CSL-JSON with links that open the source at the quote (cite)."""
