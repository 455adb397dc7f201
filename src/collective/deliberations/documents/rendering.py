"""The generated documents' one way to PDF: HTML and CSS from a page template the collectivité can override,
rendered by WeasyPrint as PDF/A-3b (act, ordre du jour, convocation letter, follow-up report), and sent inline.
The rich text in it is cleaned by the views (richtext.safe_output); what it may load, here."""


def html_document(source, base_url=None):
    """WeasyPrint's document of the HTML `source`, loading only the site's own resources (documents/fetcher.py:
    no file of the server, no other address, nothing attached but them). Every WeasyPrint rendering goes here."""
    from collective.deliberations.documents.fetcher import url_fetcher
    from weasyprint import HTML

    return HTML(string=source, base_url=base_url, url_fetcher=url_fetcher())


def html_to_pdfa(source, base_url):
    """PDF/A-3b bytes of the HTML `source`; relative addresses (images, styles) resolved against `base_url`."""
    return html_document(source, base_url).write_pdf(pdf_variant="pdf/a-3b")


def send_pdf(response, pdf, filename):
    """Answer with `pdf`, shown in the browser under `filename` (quotes dropped)."""
    response.setHeader("Content-Type", "application/pdf")
    response.setHeader("Content-Disposition", f'inline; filename="{filename.replace(chr(34), "")}"')
    response.setHeader("Content-Length", str(len(pdf)))
    return pdf
