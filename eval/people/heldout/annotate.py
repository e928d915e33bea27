# ruff: noqa: E501  (annotation data: one meeting per block, one role per line)
"""Writes expected.jsonl for the held-out minutes (written after the rules were fixed on eval/people/tuning)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tuning"))
from annotate import write

R = {
 "kellwick-cabinet-2024-06-18-minutes.txt": {
  "present": ["Margaret Okonjo", "Philip Dunstan", "John Smith", "Rachel Ames", "Imran Hussain", "Sarah Smith", "Keith Varley"],
  "chair": ["Margaret Okonjo"], "vice-chair": ["Philip Dunstan"], "officer": ["Andrew Tate", "Joanne Pike", "Victor Lamb"],
  "apologies": ["Nigel Fenton"], "declared": ["Imran Hussain"], "moved": ["Margaret Okonjo"], "owner": ["Sarah Smith"]},
 "kellwick-planning-2024-07-03-minutes.txt": {
  "present": ["Keith Varley", "Leonie Ortiz", "Rachel Ames", "Tom Beckett", "Daniel Foley", "Nigel Fenton", "Sarah Smith"],
  "chair": ["Keith Varley"], "vice-chair": ["Leonie Ortiz"], "officer": ["Claire Doyle", "Tim Ward", "Victor Lamb"],
  "apologies": ["Imran Hussain", "Amy Greenway"], "substitute": ["Sarah Smith"], "declared": ["Tom Beckett"],
  "moved": ["Daniel Foley", "Leonie Ortiz"], "seconded": ["Rachel Ames", "Keith Varley"],
  "voted-for": ["Rachel Ames", "Daniel Foley", "Nigel Fenton", "Leonie Ortiz"], "voted-against": ["Keith Varley", "Sarah Smith"]},
 "kellwick-council-2024-07-17-minutes.txt": {
  "present": ["Leonie Ortiz", "Rachel Ames", "Tom Beckett", "Philip Dunstan", "Nigel Fenton", "Daniel Foley", "Amy Greenway",
              "Imran Hussain", "Margaret Okonjo", "John Smith", "Sarah Smith", "Keith Varley"],
  "chair": ["Leonie Ortiz"], "officer": ["Andrew Tate", "Victor Lamb", "Eleanor Hughes"],
  "asked": ["Colin Marsh"], "answered": ["Margaret Okonjo"],
  "moved": ["Amy Greenway", "Philip Dunstan", "Smith (unresolved)"], "seconded": ["Daniel Foley", "Margaret Okonjo", "Imran Hussain"],
  "voted-for": ["Philip Dunstan", "Nigel Fenton", "Imran Hussain", "Margaret Okonjo", "John Smith", "Keith Varley"],
  "voted-against": ["Rachel Ames", "Tom Beckett", "Daniel Foley", "Amy Greenway"], "abstained": ["Leonie Ortiz", "Sarah Smith"]},
 "dunmarra-corporate-2024-05-13-minutes.txt": {
  "present": ["Niamh McIlroy", "John Smith", "Gordon Armstrong", "William Crawford", "Fintan Byrne", "Eamon Kearney", "Siobhan Lennon",
              "Martin Mulholland", "Paula Rafferty"],
  "chair": ["Niamh McIlroy"], "vice-chair": ["John Smith"], "officer": ["A Gilmore", "K Doran", "R Toner"],
  "apologies": ["Terence Quinn"], "declared": ["William Crawford"],
  "moved": ["Fintan Byrne", "Gordon Armstrong", "Eamon Kearney", "Martin Mulholland"],
  "seconded": ["Siobhan Lennon", "Paula Rafferty", "John Smith", "Fintan Byrne"]},
 "dunmarra-council-2024-05-28-minutes.txt": {
  "present": ["Niamh McIlroy", "Gordon Armstrong", "William Crawford", "John Smith", "Fintan Byrne", "Eamon Kearney", "Siobhan Lennon",
              "Martin Mulholland", "Terence Quinn", "Paula Rafferty", "Gerard Walsh"],
  "chair": ["Niamh McIlroy"], "officer": ["Liam O'Hare", "A Gilmore", "R Toner"], "apologies": ["Bronagh Devine"],
  "declared": ["Gerard Walsh"], "moved": ["John Smith", "Terence Quinn", "Gordon Armstrong"],
  "seconded": ["Niamh McIlroy", "Gerard Walsh", "Paula Rafferty"],
  "voted-for": ["William Crawford", "John Smith", "Fintan Byrne", "Eamon Kearney", "Siobhan Lennon", "Terence Quinn", "Gerard Walsh"],
  "voted-against": ["Gordon Armstrong", "Martin Mulholland", "Paula Rafferty"], "abstained": ["Niamh McIlroy"]},
 "pentrefelin-council-2024-03-07-minutes.txt": {
  "present": ["Gwyneth Hopkins", "Aled Roberts", "Mererid Jones", "Keith Lewis", "Steffan Lewis", "Owain Howells", "Tracey Pugh",
              "Anwen Rees", "David Thomas", "Sioned Vaughan", "Emlyn Watkins"],
  "chair": ["Gwyneth Hopkins"], "vice-chair": ["Aled Roberts"], "officer": ["Mark Pritchard", "Helen Bowen", "Gwilym Jenkins"],
  "apologies": ["J Rowlands", "Lewis Baker"], "declared": ["Anwen Rees"],
  "moved": ["Keith Lewis", "Owain Howells", "David Thomas"], "seconded": ["Sioned Vaughan", "Steffan Lewis", "Tracey Pugh"],
  "voted-for": ["Owain Howells", "Steffan Lewis", "Tracey Pugh", "Emlyn Watkins"],
  "voted-against": ["Gwyneth Hopkins", "Mererid Jones", "Keith Lewis", "Anwen Rees", "Aled Roberts", "David Thomas", "Sioned Vaughan"]},
 "pentrefelin-scrutiny-2024-04-11-minutes.txt": {
  "present": ["Tracey Pugh", "Owain Howells", "Mererid Jones", "Steffan Lewis", "David Thomas", "J Rowlands", "Bethan Ifans",
              "Sioned Vaughan"],
  "chair": ["Tracey Pugh"], "substitute": ["J Rowlands"], "officer": ["Carwyn Powell", "Helen Bowen"],
  "apologies": ["Emlyn Watkins"], "declared": ["Steffan Lewis"]},
 "inverlochy-communities-2024-02-20-minute.txt": {
  "present": ["Hamish Grant", "Eilidh Munro", "Angus Cameron", "Rona Mackenzie", "Duncan Shaw", "Catriona Sinclair", "Lachlan Ross"],
  "chair": ["Hamish Grant"], "vice-chair": ["Eilidh Munro"], "officer": ["M Duthie", "P Rennie", "S Laird"],
  "apologies": ["Morven Douglas", "Ewan Fraser"], "moved": ["Hamish Grant", "Catriona Sinclair"],
  "seconded": ["Eilidh Munro", "Duncan Shaw"],
  "voted-for": ["Hamish Grant", "Eilidh Munro", "Angus Cameron", "Lachlan Ross"],
  "voted-against": ["Rona Mackenzie", "Duncan Shaw", "Catriona Sinclair"]},
 "inverlochy-council-2024-03-14-minute.txt": {
  "present": ["Fiona Lindsay", "Angus Cameron", "Morven Douglas", "Ewan Fraser", "Hamish Grant", "Rona Mackenzie", "Eilidh Munro",
              "Lachlan Ross", "Duncan Shaw", "Catriona Sinclair"],
  "chair": ["Fiona Lindsay"], "officer": ["R Buchan", "S Laird"], "declared": ["Lachlan Ross"],
  "moved": ["Hamish Grant", "Morven Douglas"], "seconded": ["Angus Cameron", "Ewan Fraser"],
  "voted-for": ["Fiona Lindsay", "Angus Cameron", "Hamish Grant", "Eilidh Munro", "Lachlan Ross"],
  "voted-against": ["Morven Douglas", "Ewan Fraser", "Rona Mackenzie", "Catriona Sinclair"], "abstained": ["Duncan Shaw"]},
}
D = [
 ("kellwick-cabinet-2024-06-18-report-regeneration.txt", "agreed-amended", "kellwick-cabinet-2024-06-18-minutes.txt"),
 ("kellwick-cabinet-2024-06-18-report-allocations.txt", "agreed", "kellwick-cabinet-2024-06-18-minutes.txt"),
 ("kellwick-cabinet-2024-06-18-report-toilets.txt", "deferred", "kellwick-cabinet-2024-06-18-minutes.txt"),
 ("kellwick-planning-2024-07-03-report-orchard-close.txt", "rejected", "kellwick-planning-2024-07-03-minutes.txt"),
 ("kellwick-planning-2024-07-03-report-crabtree-lane.txt", "deferred", "kellwick-planning-2024-07-03-minutes.txt"),
 ("kellwick-council-2024-07-17-report-allowances.txt", "agreed", "kellwick-council-2024-07-17-minutes.txt"),
 ("kellwick-cabinet-2024-07-09-decision-leisure-fees.txt", "deferred", "kellwick-cabinet-2024-07-09-decision-leisure-fees.txt"),
 ("dunmarra-corporate-2024-05-13-report-capital.txt", "agreed", "dunmarra-corporate-2024-05-13-minutes.txt"),
 ("dunmarra-corporate-2024-05-13-report-digital.txt", "agreed-amended", "dunmarra-corporate-2024-05-13-minutes.txt"),
 ("dunmarra-corporate-2024-05-13-report-grants.txt", "rejected", "dunmarra-corporate-2024-05-13-minutes.txt"),
 ("dunmarra-council-2024-05-28-report-estimates.txt", "deferred", "dunmarra-council-2024-05-28-minutes.txt"),
 ("pentrefelin-council-2024-03-07-report-budget.txt", "agreed", "pentrefelin-council-2024-03-07-minutes.txt"),
 ("pentrefelin-council-2024-03-07-report-treasury.txt", "agreed", "pentrefelin-council-2024-03-07-minutes.txt"),
 ("pentrefelin-council-2024-03-07-report-leisure.txt", "deferred", "pentrefelin-council-2024-03-07-minutes.txt"),
 ("pentrefelin-scrutiny-2024-04-11-report-attendance.txt", "noted", "pentrefelin-scrutiny-2024-04-11-minutes.txt"),
 ("inverlochy-communities-2024-02-20-report-rents.txt", "agreed", "inverlochy-communities-2024-02-20-minute.txt"),
 ("inverlochy-communities-2024-02-20-report-asb.txt", "referred", "inverlochy-communities-2024-02-20-minute.txt"),
 ("inverlochy-council-2024-03-14-report-budget.txt", "agreed", "inverlochy-council-2024-03-14-minute.txt"),
 ("inverlochy-council-2024-03-14-report-common-good.txt", "deferred", "inverlochy-council-2024-03-14-minute.txt"),
]

if __name__ == "__main__":
    write(R, D, Path(__file__).with_name("expected.jsonl"))
