"""The generated documents' one way to PDF: HTML and CSS from a page template the collectivité can override,
rendered by WeasyPrint as PDF/A-3b (act, ordre du jour, convocation letter, follow-up report), and sent inline."""


def html_to_pdfa(source, base_url):
    """PDF/A-3b bytes of the HTML `source`; relative addresses (images, styles) resolved against `base_url`."""
    from weasyprint import HTML

    return HTML(string=source, base_url=base_url).write_pdf(pdf_variant="pdf/a-3b")


def send_pdf(response, pdf, filename):
    """Answer with `pdf`, shown in the browser under `filename` (quotes dropped)."""
    response.setHeader("Content-Type", "application/pdf")
    response.setHeader("Content-Disposition", f'inline; filename="{filename.replace(chr(34), "")}"')
    response.setHeader("Content-Length", str(len(pdf)))
    return pdf
