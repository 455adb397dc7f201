"""Field deserializers of plone.restapi that refuse a value of the wrong kind instead of guessing.

plone.restapi read a flag "oui" as false (a confidential document became publishable) and let a rich text whose
"data" is not a text fail with a 500. Registered for our browser layer, so for every content of the site; the
ValueError they raise becomes the 400 of plone.restapi's deserializer, with our French message."""

from collective.deliberations import _
from collective.deliberations.interfaces import IBrowserLayer
from plone.app.textfield.interfaces import IRichText
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.deserializer.dxfields import RichTextFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer
from zope.schema.interfaces import IBool


def _refused(deserializer, msgid, default):
    message = _(msgid, default=default, mapping={"field": deserializer.field.__name__})
    return ValueError(translate(message, context=deserializer.request))


@implementer(IFieldDeserializer)
@adapter(IBool, IDexterityContent, IBrowserLayer)
class StrictBoolDeserializer(DefaultFieldDeserializer):
    def __call__(self, value):
        if value is not None and not isinstance(value, bool):
            raise _refused(self, "input_flag", "${field} must be true or false.")
        return super().__call__(self.field.missing_value if value is None else value)


@implementer(IFieldDeserializer)
@adapter(IRichText, IDexterityContent, IBrowserLayer)
class StrictRichTextDeserializer(RichTextFieldDeserializer):
    def __call__(self, value):
        if value is None:  # emptied
            self.field.validate(self.field.missing_value)
            return self.field.missing_value
        data = value.get("data") if isinstance(value, dict) else value
        if not isinstance(data, str):
            raise _refused(self, "input_rich_text", '${field} is a text, or {"data": text, "content-type": ...}.')
        return super().__call__(value)
