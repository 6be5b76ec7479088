"""One committee mechanism for every call that a committee gives its opinion on: members, assignments, scores.

A committee of a call (a grants competition, u.d.p.p. art. 15 ust. 2a–2f; a scholarships or awards call,
u.o.p.d.k. art. 7a/7b with the council's resolution) is the same thing in each app:

- `models`: abstract models of a **member** (user, role, advisory voice), an **assignment** of a case to a member
  with the member's impartiality declaration (k.p.a. art. 24) and a **score** (points, justification, never
  negative); the app's concrete models add the foreign keys to its call and its case;
- `rules`: pure functions: the ranking with shared places, the mean of the votes, the range of points;
- `services`: the declaration of impartiality and the check before a member scores, the same for every app;
- `selectors`: the ranking of a call's cases by the votes of the members with a vote (experts shown, not counted),
  and the people a clerk may appoint;
- `admin`, `forms`, `views`: the picker of staff, the admin of assignments, the member's declaration form and the
  signed-in member the committee's panel admits.

docs/architecture.md ("Committee") shows the one way to use it.
"""
