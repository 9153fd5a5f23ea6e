"""Word lists for the gendered-wording check (see docs/recruitment.md).

The coded words are the lists published by Gaucher, Friesen and Kay (2011), "Evidence that
gendered wording in job advertisements exists and sustains gender inequality", Journal of
Personality and Social Psychology 101(1), appendix. An entry ending in ``*`` is a stem that
matches any word starting with it; the others match the whole word only.

The exclusions are ours: security-sector notices use some of these stems for institutions,
offences and tasks (police force, commit an offence, child protection, hostile environment
training), which say nothing about the kind of person wanted.
"""

from __future__ import annotations

import re

MASCULINE = (
    "active", "adventurous", "aggress*", "ambitio*", "analy*", "assert*", "athlet*",
    "autonom*", "boast*", "challeng*", "compet*", "confident", "courag*", "decisive",
    "determin*", "dominant", "domina*", "force*", "greedy", "headstrong", "hierarch*",
    "hostil*", "impulsive", "independen*", "individual*", "intellect*", "lead*", "logic",
    "masculine", "objective", "opinion", "outspoken", "persist", "principle*", "reckless",
    "stubborn", "superior", "self-confiden*", "self-relian*", "self-sufficien*",
)  # fmt: skip

FEMININE = (
    "affectionate", "child*", "cheer*", "commit*", "communal", "compassion*", "connect*",
    "considerate", "cooperat*", "depend*", "emotiona*", "empath*", "feminine", "flatterable",
    "gentle", "honest", "interpersonal", "interdependen*", "interpersona*", "kind", "kinship",
    "loyal*", "modesty", "nag", "nurtur*", "pleasant*", "polite", "quiet*", "respon*",
    "sensitiv*", "submissive", "support*", "sympath*", "tender*", "together*", "trust*",
    "understand*", "warm*", "whin*", "yield*",
)  # fmt: skip

# Words a stem catches that name a task, an institution, an offence or a job title.
NOT_CODED = re.compile(
    r"""^(?:
        competen\w*                                  # competent, competence: skill, not rivalry
      | analy[sz](?:e|es|ed|ing|is|t|ts)? | analyses # analysis, analyst: tasks and job titles
      | individuals? | individually                 # "individual" as a plain word for a person
      | principles?                                  # principles of policing; "principled" counts
      | determin(?:e|es|ing)                         # determine eligibility
      | forc(?:e|es|ed|ing|ible|ibly)                # police force, use of force, forced labour
      | aggressors?
      | hostilities
      | child\w*                                     # child protection: the subject of the work
      | depend(?:s|ed|ing|ant|ants|ent|ents|ence|ency|encies)?
      | respon(?:d|ds|ded|ding|dent|dents|se|ses|sibility|sibilities)
      | committees?
      | tender(?:s|ed|ing)?                          # calls for tender
      | sympathi[sz]ers?
    )$""",
    re.VERBOSE,
)

# (word, words before it, words after it): the coded word in these phrases names the work,
# an institution or a legal term. "after" looks at the next word only, except for commit,
# whose object may come a few words later ("commit a serious offence").
_CONTEXTS = (
    ("active", "", "shooter shooters duty service reserve reserves reservist reservists "
     "component listening bystander bystanders"),
    ("hostile", "", "environment environments work fire act acts intent territory action actions"),
    ("superior", "", "officer officers court courts order orders rank ranks commander commanders"),
    ("objective", "the this that each every our your their its main primary key overall "
     "learning training operational strategic mission first second third final course lesson "
     "session", "of"),
    ("opinion", "public legal expert medical advisory", ""),
    ("lead leads leading led", "follow following follow-up up investigative intelligence new "
     "promising", "to"),
    ("leading", "", "seaman seamen aircraftman aircraftwoman aircraftmen hand rate"),
    ("competitive", "", "salary salaries pay remuneration package benefits rates rate wage "
     "wages terms selection process examination examinations exam exams recruitment tender"),
    ("determined", "", "by that"),
    ("determination", "status", "of"),
    ("independent independently", "", "oversight review reviewer inspector inspection "
     "investigation investigations office police commission monitoring monitor body bodies"),
    ("intellectual", "", "property disability disabilities"),
    ("autonomous", "", "region regions republic province provinces community communities "
     "weapon weapons system systems vehicle vehicles"),
    ("reckless", "", "driving endangerment conduct manslaughter disregard behaviour behavior"),
    ("aggression", "of", ""),
    ("sensitive", "", "information data material materials document documents site sites "
     "location locations intelligence case cases operation operations post posts area areas "
     "item items equipment personal matter matters"),
    ("support supporting", "", "unit units officer officers staff service services function "
     "functions vehicle vehicles element elements worker workers team teams helicopter "
     "helicopters weapon weapons company"),
    ("connection connections", "in", ""),
    ("kind", "", "of"),
    ("understanding", "of", ""),
    ("communal", "", "violence clashes clash conflict conflicts tensions riots"),
    ("emotional", "", "abuse harm violence"),
    ("responsible", "", "for"),
    ("warm", "", "zone zones"),
    ("cooperation", "judicial police international cross-border", ""),
    ("trust", "", "fund funds"),
)  # fmt: skip
CONTEXTS: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
for _words, _before, _after in _CONTEXTS:
    for _word in _words.split():
        old_before, old_after = CONTEXTS.get(_word, (frozenset(), frozenset()))
        CONTEXTS[_word] = (old_before | set(_before.split()), old_after | set(_after.split()))
COMMIT_WORDS = frozenset({"commit", "commits", "committed", "committing"})
OFFENCES = frozenset(
    "offence offences offense offenses crime crimes fraud murder suicide perjury assault theft "
    "act acts violence abuse atrocities misconduct violations violation genocide".split()
)

# Alternatives for masculine-coded words, by stem; a few word forms need their own. Words a
# notice would only use in warnings (greedy, reckless, impulsive, boastful) have none: an
# alternative would turn "must not be reckless" into advice to be something else.
ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "active": ("engaged", "energetic"),
    "adventurous": ("curious", "open to new experiences"),
    "aggress*": ("proactive", "energetic"),
    "ambitio*": ("motivated", "keen to develop"),
    "analy*": ("methodical", "thorough"),
    "assert*": ("clear and direct", "able to speak up"),
    "athlet*": ("physically fit", "meets the fitness standard"),
    "autonom*": ("self-directed", "able to work without close supervision"),
    "challeng*": ("demanding", "varied"),
    "compet*": ("motivated", "committed to high standards"),
    "confident": ("assured", "composed"),
    "courag*": ("brave", "composed under pressure"),
    "decisive": ("makes sound, timely decisions",),
    "determin*": ("committed", "dedicated"),
    "dominant": ("influential", "self-assured"),
    "domina*": ("influence", "take charge of"),
    "force*": ("persuasive", "convincing"),
    "headstrong": ("tenacious", "steady"),
    "hierarch*": ("structured", "with clear lines of responsibility"),
    "hostil*": ("difficult", "high-pressure"),
    "independen*": ("self-directed", "able to work unsupervised"),
    "individual*": ("self-directed",),
    "intellect*": ("curious", "knowledgeable"),
    "lead*": ("guide", "coordinate", "manage"),
    "leader": ("coordinator", "manager"),
    "leaders": ("coordinators", "managers"),
    "leadership": ("management", "guidance"),
    "logic": ("reasoning",),
    "objective": ("fair", "impartial"),
    "opinion": ("view",),
    "outspoken": ("candid", "communicates openly"),
    "persist": ("keep going", "follow through"),
    "principle*": ("ethical", "has integrity"),
    "stubborn": ("tenacious", "steady"),
    "superior": ("excellent", "high-quality"),
    "self-confiden*": ("assured", "composed"),
    "self-relian*": ("resourceful",),
    "self-sufficien*": ("resourceful",),
}
