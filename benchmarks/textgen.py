"""Deterministic policy-like text for the benchmarks: neutral sentences mixed with the
built-in rules' bad examples at a chosen density."""

from __future__ import annotations

import random
from functools import cache

NEUTRAL = (
    "All personnel complete the annual refresher course before the end of the first quarter.",
    "The duty officer records each incident in the station log within two hours.",
    "Requests for leave are submitted through the online portal at least ten days in advance.",
    "The review board meets every month to assess open complaints and agreed actions.",
    "Supervisors confirm that every trainee has read the code of conduct.",
    "Evidence is sealed, labelled and stored in the secure room until the hearing.",
    "Each unit keeps an up-to-date list of emergency contacts in the operations room.",
    "The training team updates the curriculum after each evaluation cycle.",
    "Staff may raise a concern with any member of the ethics office in confidence.",
    "The checkpoint is staffed around the clock during the election period.",
    "Vehicles are inspected before every patrol and defects are reported at once.",
    "The legal adviser reviews draft orders before they are signed.",
    "Interpreters are booked through the regional coordination desk.",
    "Officers explain the reason for a stop in plain language.",
    "Detainees are told of their rights in a language they understand.",
    "The inspection report lists findings, risks and the deadline for each action.",
    "Participants receive the reading pack one week before the workshop begins.",
    "The helpline is open every day from eight in the morning until ten at night.",
    "Community meetings are announced on the website and at the local library.",
    "The procurement office publishes every contract above the threshold.",
    "Body-worn cameras are switched on before any planned search begins.",
    "Records are kept for seven years and then destroyed under the retention schedule.",
    "The instructor checks that every exercise has a clear learning objective.",
    "A second reviewer signs off every use-of-force report.",
    "The budget for the next financial year is approved by the oversight committee.",
    "New recruits shadow an experienced colleague for their first six weeks.",
    "The mission's human rights section monitors detention conditions.",
    "Complaints are acknowledged within five working days.",
    "The standard operating procedure is reviewed at least once every two years.",
    "Firearms are drawn from the armoury only with a signed authorisation.",
    "The border post keeps a register of every vehicle that crosses at night.",
    "Training sessions end with a short quiz and a written evaluation.",
    "The communications team drafts press releases for major operations.",
    "Medical staff are on call during all live-fire exercises.",
    "The investigating team interviews witnesses as soon as practicable.",
    "The unit commander approves the weekly duty roster.",
    "Each policy names an owner who answers for its accuracy.",
    "Cases involving children are referred to the specialist unit without delay.",
    "Translations of the guidance are available in four languages.",
    "The audit found that most stations now meet the reporting standard.",
    "Applicants are assessed against the published criteria only.",
    "Peacekeepers receive pre-deployment training on the protection of civilians.",
    "Survivors can choose the person who takes their statement.",
    "The court sets a date for the hearing once the file is complete.",
    "The curriculum includes modules on ethics, negotiation and first aid.",
    "Data protection rules apply to every database the agency maintains.",
    "Shift handovers take place in person and are noted in the log.",
    "Each trainee keeps a learning journal throughout the course.",
    "Radio checks are made every thirty minutes during a night operation.",
    "The oversight body publishes an annual report on its findings.",
    "Personnel who witness misconduct must report it to a supervisor.",
    "The facility has separate accommodation for families with young children.",
    "The roster makes sure no one works more than twelve hours in a row.",
    "Briefings are held at the start of each shift in the main hall.",
    "The working group agreed on a common glossary for the handbook.",
    "Mentors meet their mentees at least twice each month.",
    "The emergency plan is tested with a full exercise every year.",
    "Feedback from participants shapes the next version of the course.",
    "Officers carry a copy of the stop-and-search guidance at all times.",
    "Access to the archive is logged and reviewed every quarter.",
)

HEADINGS = (
    "Purpose",
    "Scope",
    "Definitions",
    "Roles and responsibilities",
    "Procedure",
    "Training requirements",
    "Reporting",
    "Records and retention",
    "Review and evaluation",
    "Complaints",
    "Use of force",
    "Detention",
    "Deployment",
    "Recruitment and selection",
    "Conduct and discipline",
    "Annexes",
)


@cache
def bad_examples() -> tuple[str, ...]:
    """Every bad example sentence of the built-in rules, in rule-file order."""
    from genderlint.ruleset.loader import bundled_rules_dir, load_rules

    rules = load_rules([bundled_rules_dir()])
    return tuple(ex.text.strip() for rule in rules for ex in rule.bad_examples)


def sentences(rng: random.Random, words: int, density: float) -> list[str]:
    """Sentences totalling at least ``words`` words; each one is a bad example with
    probability ``density``, otherwise a neutral sentence."""
    bad = bad_examples()
    out: list[str] = []
    total = 0
    while total < words:
        pool = bad if rng.random() < density else NEUTRAL
        sentence = rng.choice(pool)
        out.append(sentence)
        total += len(sentence.split())
    return out


def markdown_doc(rng: random.Random, words: int, density: float, title: str) -> str:
    """A Markdown policy document: a title, sections, paragraphs of 3-7 sentences and
    the odd bulleted list."""
    parts = [f"# {title}", ""]
    pending = sentences(rng, words, density)
    section = 0
    while pending:
        if section == 0 or rng.random() < 0.25:
            parts += [f"## {section + 1}. {HEADINGS[section % len(HEADINGS)]}", ""]
            section += 1
        take = min(len(pending), rng.randint(3, 7))
        chunk, pending = pending[:take], pending[take:]
        if rng.random() < 0.15:
            parts += [f"- {s}" for s in chunk] + [""]
        else:
            parts += [" ".join(chunk), ""]
    return "\n".join(parts)


def sized_markdown(words: int, seed: int, findings: int) -> str:
    """A Markdown file of exactly ``words`` words (``str.split``) holding ``findings``
    bad-example sentences among neutral ones; ``seed`` varies the content."""
    rng = random.Random(seed)
    title = f"# Duty guidance {seed}"
    body = [rng.choice(bad_examples()) for _ in range(findings)]
    count = len(title.split()) + sum(len(s.split()) for s in body)
    while count < words:
        tokens = rng.choice(NEUTRAL).split()[: words - count]
        body.append(" ".join(tokens))
        count += len(tokens)
    rng.shuffle(body)
    paragraphs = [" ".join(body[i : i + 5]) for i in range(0, len(body), 5)]
    return "\n\n".join([title, *paragraphs]) + "\n"
