"""GET @registry: plone.restapi's serializer puts each record's value and its field's default in the JSON as they
are, and a date (our @ctes classification date) cannot be written as JSON: the administrator's listing was a 500.
Same listing, each item made JSON-compatible as plone.restapi does for one record (GET @registry/<name>)."""

from collective.deliberations.interfaces import IBrowserLayer
from plone.registry.interfaces import IRegistry
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.registry import SerializeRegistryToJson
from zope.component import adapter
from zope.interface import implementer


@implementer(ISerializeToJson)
@adapter(IRegistry, IBrowserLayer)
class RegistryToJson(SerializeRegistryToJson):
    def __call__(self):
        listing = super().__call__()
        listing["items"] = [json_compatible(item) for item in listing["items"]]
        return listing
