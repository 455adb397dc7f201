"""A field error with its own, translated message: shown under the field in forms, returned as 400 by REST."""

from zope.schema import ValidationError


class FieldError(ValidationError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return self.message
