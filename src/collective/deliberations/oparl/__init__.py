"""OParl 1.1 (https://oparl.org/spezifikation/): the public council information as the open standard API."""
