"""The public portal of acts (R2131-1): published acts, their date of putting online, a feed, upcoming sessions."""
