"""The "Convocations" control panel: how long the personal links open the dossier, the site's address in the mails,
the reminder, the timestamping authority (convocation/settings.py), as a person (HTML form) and as a program
(@controlpanels/convocations)."""

from collective.deliberations import _
from collective.deliberations.convocation.settings import IConvocationSettings
from collective.deliberations.convocation.settings import PREFIX
from collective.deliberations.interfaces import IBrowserLayer
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope.component import adapter
from zope.interface import Interface


TITLE = _("label_convocation_controlpanel", default="Convocations")


class ConvocationEditForm(RegistryEditForm):
    schema = IConvocationSettings
    schema_prefix = PREFIX
    label = TITLE
    description = _(
        "help_convocation_controlpanel",
        default="The convocations sent by mail: their personal links, their reminder and their proof.",
    )


class ConvocationControlPanel(ControlPanelFormWrapper):
    form = ConvocationEditForm


@adapter(Interface, IBrowserLayer)
class ConvocationConfigletPanel(RegistryConfigletPanel):
    schema = IConvocationSettings
    schema_prefix = PREFIX
    configlet_id = "convocations"
    configlet_category_id = "Products"
    title = TITLE
    group = "Products"
