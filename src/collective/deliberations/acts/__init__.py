"""The act (délibération, arrêté, décision): what numbers it at adoption, renders it (@@acte.pdf), freezes it at
publication (R2131-1), takes its signed copy, makes its PDF/A copy for archiving and transmits it to the préfecture
(@ctes, R2131-1 and L2131-1 CGCT).

acts/ sits below the séance, the portal and the archives, which use it; it imports none of them (content, security,
collectivite, validation, richtext and documents' rendering helpers only)."""
