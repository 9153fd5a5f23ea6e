"""Word lists the context checks use, with or without a statistical model."""

from __future__ import annotations

# nouns for people in a role that any gender holds
ROLE_NOUNS = frozenset(
    """
seeker seekers mediator mediators counsellor counsellors counselor counselors caseworker caseworkers
adviser advisers advisor advisors employer employers commissioner commissioners
chairperson spokesperson attorney attorneys magistrate magistrates juror jurors
accused agent agents analyst analysts applicant applicants asylum-seeker asylum-seekers
attacker attackers author authors beneficiaries beneficiary cadet cadets candidate
candidates chief chiefs child child-soldier children citizen citizens claimant claimants
clerk clerks client clients colleague colleagues commander commanders complainant
complainants constable constables contractor contractors counsel customer customers
defendant defendants delegate delegates detainee detainees director directors doctor doctors
driver drivers employee employees focal guard guardian guardians guards head holder holders
individual individuals informant informants inmate inmates inspector inspectors instructor
instructors interpreter interpreters interviewee interviewees investigatee investigator
investigators judge judges juvenile juveniles lawyer lawyers leader leaders manager managers
member members migrant migrants minor minors nurse nurses offender offenders officer
officers official officials operator operators owner owners parent parents participant
participants partner partners passenger passengers patient patients peacekeeper peacekeepers
perpetrator perpetrators person personnel persons pilot pilots point prisoner prisoners
prosecutor prosecutors ranger rangers recruit recruits refugee refugees reporter reporters
representative representatives researcher researchers resident residents respondent
respondents sentries sentry sergeant sergeants servicemember soldier soldiers spouse spouses
staff student student-officer students subject subjects subordinate subordinates superior
superiors supervisor supervisors survivor survivors suspect suspects teacher teachers tenant
tenants trainee trainees trainer trainers translator translators traveler travelers
traveller travellers trooper troopers user users victim victims volunteer volunteers witness
witnesses worker workers youth
""".split()
)


# indefinite pronouns that can be a generic antecedent
INDEFINITES = frozenset(
    """
anybody anyone each either everybody everyone neither no-one nobody somebody someone whoever
whomever
""".split()
)


# determiners that make a role noun generic
QUANTIFIERS = frozenset(
    """
a an any each either every neither no whichever
""".split()
)


# generic even in a narrative: 'every officer who attended ... he'
STRONG_QUANTIFIERS = frozenset(
    """
any each either every neither no whichever
""".split()
)


# a pronoun that refers to one of these is not generic
MALE_NOUNS = frozenset(
    """
boy boyfriend boyfriends boys bridegroom brother brother-in-law brothers dad dads father
father-in-law fathers fiancé gentleman gentlemen grandfather grandfathers grandson grandsons
groom guy guys himself husband husband's husbands king kings lad lads lord lords male males
man men monk monks monsieur mr mr. nephew nephews priest prince princes sir son son-in-law
sons stepfather stepson uncle uncles widower widowers
""".split()
)


FEMALE_NOUNS = frozenset(
    """
aunt aunts bride daughter daughter-in-law daughters female females fiancée girl girlfriend
girlfriends girls grandmother grandmothers ladies lady madam miss mom mother mother-in-law
mothers mrs mrs. ms ms. mum niece nieces nun princess queen queens sister sister-in-law
sisters stepdaughter stepmother widow widows wife wives woman women
""".split()
)


# roles that stereotype presumes are women: "she" for them is a (softer) finding
STEREOTYPED_FEMALE_ROLES = frozenset(
    """
assistant assistants attendant attendants babysitter babysitters caregiver carer carers
cleaner cleaners flight-attendant housekeeper midwife midwives nannies nanny nurse nurses
receptionist receptionists secretaries secretary survivor survivors teacher typist typists
victim victims
""".split()
)


MODALS = frozenset(
    """
can could may might must needs ought shall should will would
""".split()
)


# objects of the verb "man": staff a post, crew a vessel
STAFF_OBJECTS = frozenset(
    """
barrier barriers base bases booth booths border borders camp camps center centre checkpoint
checkpoints control counter counters crossing crossings desk desks entrance entrances exit
exits gate gates helpline hotline hotlines line lines observation office offices operations
perimeter phone phones point points position positions post posts reception roadblock
roadblocks room rooms stall stand station stations telephone telephones tower towers
watchtower watchtowers
""".split()
)


CREW_OBJECTS = frozenset(
    """
aerial aircraft boat boats cockpit cockpits drone drones flight flights helicopter
helicopters launch lifeboat lifeboats patrol plane planes ship ships spacecraft submarine
submarines tank tanks vehicle vehicles vessel vessels
""".split()
)


AUXILIARIES = frozenset(
    """
also are be been being can could did do does help helped helps is may might must n't not
shall should to was were will would
""".split()
)


DETERMINERS = frozenset(
    """
a an another any each elderly every her his its my no old one other our same some tall that
the their these this those young your
""".split()
)


# modals of rules and duties; "will" is left out because narratives use it too
STRONG_MODALS = frozenset("must should shall may might can cannot could ought needs".split())

# a sentence with one of these (and no strong modal) tells of one event: its people are
# specific, not generic
PAST_IRREGULAR = frozenset(
    """
was were had did said told went came took made gave saw heard found left felt kept began
ran shot struck fell broke fled held brought sought thought wrote spoke got stood sat met
lost paid sent spent stole threw drove rode hid bit fought caught taught understood led
won wore ate drank slept woke chose forgot froze swore tore shook sank sang swam
""".split()
)
TIME_CUES = frozenset(
    """
yesterday today tonight monday tuesday wednesday thursday friday saturday sunday january
february march april june july august september october november december last ago
earlier
""".split()
)

# capitalised words before a surname: "Sergeant Ruth Seaman", "Judge Carla Foreman"
TITLES_BEFORE_NAMES = frozenset(
    """
mr mr. ms ms. mrs mrs. miss mx mx. dr dr. prof prof. professor sir dame madam judge justice
officer sergeant sgt sgt. constable pc inspector detective captain capt capt. major
colonel col col. lieutenant lt lt. general gen gen. corporal cpl private pte commander
commissioner superintendent agent warden governor minister ambassador president
senator representative councillor mayor ranger trooper
""".split()
)
# capitalised words after a term that make it part of a name: "the Statesman Hotel"
NAME_HEADS = frozenset(
    """
street road avenue lane drive way close square place park bridge hotel house hall
building tower centre center school college university academy institute association
society club union foundation fund trust lodge memorial cemetery award medal prize cup
company ltd inc group press gazette times journal review magazine theatre cinema museum
gallery library church chapel station airport port bar restaurant cafe network initiative
forum federation alliance campaign programme program project partnership ministry
department office agency institute council board bureau commission association
""".split()
)

VERB_3SG = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "doesn't": "don't",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
}
PRONOUN_THEY = {
    "he": "they",
    "him": "them",
    "his": "their",
    "himself": "themselves",
    "she": "they",
    "her": "them",
    "hers": "theirs",
    "herself": "themselves",
}

# For the first pass: a context check can only keep a hit when one of these words is in
# the same block, so blocks without them never need spaCy for that rule.
REQUIRED_WORDS = {
    "generic-pronoun": ROLE_NOUNS | INDEFINITES | STEREOTYPED_FEMALE_ROLES | {"one"},
    "stereotyped-pronoun": STEREOTYPED_FEMALE_ROLES,
}
