"""Held-out triage rows, written after the rules and run once without tuning (see the comment below)."""

from __future__ import annotations

import pytest

from triage import triage

# Held-out check: written after the rules were finished and run once without tuning. First run: 18/20
# (ho-06 read "I don't need your services any more" as a weak FOI question; ho-08 read "internal review of
# my FOI request" as a review of a SAR because "review of my" looked like own data). Both were fixed after
# the run and the rows are kept as regression tests. A second blind batch (ho2-*), written after more rules
# were added, scored 20/20 on its first run.
HELD_OUT = [
    ('ho-01',
     "Dear Children's Services, I am 24 and spent my teens in residential care in your "
     'area. Please send me copies of my care file, including my placement records.',
     None, {"sar"}),
    ('ho-02',
     'Could you tell me how many foster families the council currently has, and how many '
     'left fostering in 2024?',
     None, {"foi"}),
    ('ho-03',
     "Hi there, can I please see any info you've got on noise from the generator at the "
     'back of the youth centre? It runs all night.',
     None, {"eir"}),
    ('ho-04',
     "I'm mum to Isla who's 5. Could I have a copy of everything children's services have "
     'written about her?',
     None, {"sar"}),
    ('ho-05',
     'Our firm acts for Ms Hannah Reid. We enclose her signed mandate and ask for a full '
     'copy of the records you hold about her, including social work notes.',
     'solicitor', {"sar"}),
    ('ho-06',
     "Please erase everything you hold on me. I don't need your services any more.",
     None, {"erasure"}),
    ('ho-07',
     'My address on your system is years out of date, please update it to 14 Park View.',
     None, {"rectification"}),
    ('ho-08',
     'I have asked for an internal review of my Freedom of Information request FOI-3301 as '
     'the answer was incomplete.',
     None, {"foi-internal-review"}),
    ('ho-09',
     'Westshire Constabulary, DC Rahman: under Schedule 2 of the DPA we request the social '
     'care chronology for Tyler Barnes (dob 03/04/2011) for a s.47 joint investigation.',
     None, {"third-party"}),
    ('ho-10',
     "I am the Children's Guardian appointed for the children in case WS25C00411 and would "
     "like to inspect the local authority's records under section 42.",
     None, {"third-party"}),
    ('ho-11',
     "Ofsted's lead inspector asks that the case files for the sampled children are made "
     'available from 9am Monday.',
     None, {"third-party"}),
    ('ho-12',
     "I'd like a copy of my records and your policy on sharing information with schools, "
     'please.',
     None, {"foi", "sar"}),
    ('ho-13',
     'Please send me my social care file, and also the latest asbestos survey and the cost '
     'of agency social workers last year.',
     None, {"eir", "foi", "sar"}),
    ('ho-14',
     "I am a journalist with the Westshire Herald. Please send me the council's file on the "
     'case of the two brothers removed from the Fairfield estate last month.',
     'journalist', {"foi"}),
    ('ho-15',
     "My grandad died last year. He told us he grew up in one of your children's homes. Can "
     'we see his records?',
     None, {"foi"}),
    ('ho-16',
     "I was adopted in 1983 through Westshire. I'd like whatever records you have on my "
     'adoption and my birth parents.',
     None, {"sar"}),
    ('ho-17',
     'Please stop sharing my information with the health visitor - I object.',
     None, {"objection"}),
    ('ho-18',
     'once again I am asking for my file. this is the 4th email. sort it out',
     None, {"sar"}),
    ('ho-19',
     "Please could you provide the council's contaminated land register entries for sites "
     "within 500m of any children's home.",
     None, {"eir"}),
    ('ho-20',
     'Under the Freedom of Information Act please send me a copy of all the records the '
     'council holds on me from my time in care.',
     None, {"sar"}),
    ('ho2-01',
     "Hiya, I'm trying to get hold of my care records from when I lived with foster parents "
     'in Westtown in the 2000s, how do I do that?',
     None, {"sar"}),
    ('ho2-02',
     'Please provide the number of children placed for adoption in 2023/24, and the average '
     'age at placement.',
     None, {"foi"}),
    ('ho2-03',
     'I would like to obtain the results of the soil sampling carried out at the Brookside '
     'family centre site.',
     None, {"eir"}),
    ('ho2-04',
     'Can I have the file on my 12 year old please? Social services have been involved '
     'since 2022.',
     None, {"sar"}),
    ('ho2-05',
     'We represent Mr Jacob Stone in a civil claim against the council and request '
     'disclosure of his social care records; his authority is enclosed.',
     None, {"sar"}),
    ('ho2-06',
     'Please wipe all my details from your database.',
     None, {"erasure"}),
    ('ho2-07',
     'Your report says I was at the meeting on 4 April. I was not. Please amend your '
     'records.',
     None, {"rectification"}),
    ('ho2-08',
     "I'd like to request that you review your response to my FOI about agency spend, as I "
     "think you've misapplied section 43.",
     None, {"foi-internal-review"}),
    ('ho2-09',
     'Urgent - Westshire Police request. We are investigating an assault on a 15 year old '
     'and need to know if he is a looked after child.',
     None, {"third-party"}),
    ('ho2-10',
     "I'm the children's guardian in the care proceedings for the Moss children; please "
     "send me the LA's chronology and assessments.",
     None, {"third-party"}),
    ('ho2-11',
     "I'd like a copy of my care file, plus your policy on supporting care leavers at "
     'university.',
     None, {"foi", "sar"}),
    ('ho2-12',
     "Please send me my file, the noise survey for the Oaks and the council's spend on "
     'taxis.',
     None, {"eir", "foi", "sar"}),
    ('ho2-13',
     'Could you send me whatever you have about the neglect case involving the family at 9 '
     'Oak Road?',
     'member_of_public', {"foi"}),
    ('ho2-14',
     "My late brother was in care in Westshire. I'd like to see his records.",
     None, {"foi"}),
    ('ho2-15',
     'i was adopted and want to find my birth mum. can you send me my adoption records',
     None, {"sar"}),
    ('ho2-16',
     "I don't want social services sharing my information with the police any more. I "
     'object.',
     None, {"objection"}),
    ('ho2-17',
     'Please send me my records in a spreadsheet so I can upload them to my new provider.',
     None, {"portability"}),
    ('ho2-18',
     "Stop using my data until you've checked the errors I reported.",
     None, {"restriction"}),
    ('ho2-19',
     "Under EIR, please provide the energy usage figures for all council-run children's "
     'homes for 2024.',
     None, {"eir"}),
    ('ho2-20',
     'Good morning. Could you please send me any information the council holds about me? I '
     'was known to the Northside team as a child. Kind regards, Sam',
     None, {"sar"}),
]


@pytest.mark.parametrize(
    "text,requester_type,expected", [h[1:] for h in HELD_OUT], ids=[h[0] for h in HELD_OUT]
)
def test_held_out(text: str, requester_type: str | None, expected: set[str]) -> None:
    assert set(triage(text, requester_type).regimes) == expected

