"""Confidentiality as the seed policy describes it (issue 14).

``access`` (teams, restricted requests, opening a request with a recorded reason), ``levels`` (the three
confidentiality levels of documents and passages, and managers' harm reviews), ``consultations``
(consulting the originator before release), ``agency`` (the checks before disclosing to police, courts,
Children's Guardians, Ofsted) and ``gate`` (what blocks a pack while any of these is unsettled).
It sits below ``sar.release`` (which asks the gate) and above ``sar.core``.
"""
