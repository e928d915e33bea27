"""The invent package (benchmarks/invent/): papers are a pure function of the seed, and every question
written from a paper has its accepted answer in that paper."""

from benchmarks import invent
from benchmarks.distractors import HEREFORDSHIRE, paper


def test_same_seed_same_papers():
    first = list(invent.papers_with_questions(seed=5, papers=60))
    assert first == list(invent.papers_with_questions(seed=5, papers=60))
    other = list(invent.papers_with_questions(seed=6, papers=60))
    assert [p.text for p, _ in other] != [p.text for p, _ in first]
    assert [paper(5, i) for i in range(30)] == [paper(5, i) for i in range(30)]
    assert [paper(5, i).text for i in range(30)] != [paper(6, i).text for i in range(30)]


def test_every_answer_is_in_its_paper():
    pairs = list(invent.papers_with_questions(seed=3, papers=200))
    questions = [q for _, qs in pairs for q in qs]
    assert {q.kind for q in questions} == set(invent.QUESTION_KINDS)
    answers = {q.text: q.answer for q in questions}
    assert all(answers[q.text] == q.answer for q in questions)  # a question asked twice has one answer
    for p, qs in pairs:
        for q in qs:
            assert q.file == p.file and q.answer in p.text, (q, p.file)


def test_sampled_questions_come_from_their_papers():
    meetings = invent.meetings_for(seed=4, papers=120)
    texts = {p.file: p.text for p in invent.corpus_papers(4, meetings)}
    sampled = invent.sample_questions(4, meetings, 40)
    assert len(sampled) == 40 and [q.kind for q in sampled[:4]] == list(invent.QUESTION_KINDS)
    for q in sampled:
        assert q.answer in texts[q.file], q


def test_county_papers_keep_to_their_years():
    for index in range(0, 900, 7):  # past the last meeting, into the further rounds of reports
        p = paper(11, index)
        assert invent.years_in(p.text) <= set(HEREFORDSHIRE.years), p.file
