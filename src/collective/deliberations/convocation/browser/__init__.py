"""The convocation's pages: convening, the secretariat's follow-up, the personal link, the officials' extranet."""
