# ruff: noqa: E501  (annotation data: one meeting per block, one role per line)
"""Writes expected.jsonl for the fourth held-out set: four meetings written after the fixes that followed
the third held-out run, annotated before the rules were run on them, and measured once."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tuning"))
from annotate import write

R = {
 "riversmeet-cabinet-2025-01-14-minutes.txt": {
  "present": ["Omar Haddad", "Bridget Nwosu", "Kieran Walsh", "Hannah Levi", "Adebayo Adeyemi", "Grace Tomlinson", "Peter Frobisher", "Sunita Mistry"],
  "chair": ["Omar Haddad"], "officer": ["Claire Oduya", "Raj Bhatt", "Martin Cole"], "apologies": ["Lucy Hammond"],
  "declared": ["Hannah Levi"], "asked": ["Peter Frobisher"], "answered": ["Kieran Walsh"]},
 "gwynant-planning-2025-02-05-minutes.txt": {
  "present": ["Gareth Wyn Jones", "Ann Hopcyn", "Dilwyn Morris", "Eryl Jones-Williams", "Gwen Rowlands", "Huw Rowlands", "Iolo Tecwyn", "Olwen Vaughan-Evans"],
  "chair": ["Gareth Wyn Jones"], "officer": ["Rhun Parry", "Sioned Ellis", "Meinir Owen"], "apologies": ["Aled Hughes", "Llinos Medi"],
  "declared": ["Iolo Tecwyn"], "moved": ["Gwen Rowlands", "Huw Rowlands"], "seconded": ["Dilwyn Morris", "Ann Hopcyn"]},
 "lochmuir-education-2025-01-28-minute.txt": {
  "present": ["Graham Shearer", "Catherine Dunlop", "Roderick MacPhee", "Morag Sutherland", "Euan Laird", "Jennifer Kirk", "Andrew Tosh", "Fiona Riddell"],
  "chair": ["Roderick MacPhee"], "officer": ["L Carmichael", "D Wylie", "R Gow"], "apologies": ["Ian Baillie", "Sheena Ross"],
  "declared": ["Jennifer Kirk"], "moved": ["Euan Laird"], "seconded": ["Catherine Dunlop"]},
 "loughbrae-council-2025-02-03-minutes.txt": {
  "present": ["B Hanvey", "M Brown", "D Cunningham", "S McIlwaine", "C Breen", "T Cochrane", "R Fegan", "J Keown", "A McAteer", "P Murnin", "L Trainor"],
  "chair": ["B Hanvey"], "officer": ["M Ward", "G Lavery", "S Smyth"], "apologies": ["N Flynn", "K Loughran"], "declared": ["R Fegan"],
  "moved": ["D Cunningham", "M Brown", "P Murnin", "S McIlwaine"], "seconded": ["J Keown", "C Breen", "L Trainor", "T Cochrane"]},
}
D = [
 ("riversmeet-cabinet-2025-01-14-report-tax-base.txt", "agreed", "riversmeet-cabinet-2025-01-14-minutes.txt"),
 ("riversmeet-cabinet-2025-01-14-report-homes.txt", "agreed-amended", "riversmeet-cabinet-2025-01-14-minutes.txt"),
 ("riversmeet-cabinet-2025-01-14-report-libraries.txt", "rejected", "riversmeet-cabinet-2025-01-14-minutes.txt"),
 ("gwynant-planning-2025-02-05-report-llangybi.txt", "agreed", "gwynant-planning-2025-02-05-minutes.txt"),
 ("gwynant-planning-2025-02-05-report-chapel.txt", "rejected", "gwynant-planning-2025-02-05-minutes.txt"),
 ("lochmuir-education-2025-01-28-report-lochside.txt", "agreed", "lochmuir-education-2025-01-28-minute.txt"),
 ("lochmuir-education-2025-01-28-report-digital.txt", "deferred", "lochmuir-education-2025-01-28-minute.txt"),
 ("loughbrae-council-2025-02-03-report-rate.txt", "agreed", "loughbrae-council-2025-02-03-minutes.txt"),
 ("loughbrae-council-2025-02-03-report-grant.txt", "agreed", "loughbrae-council-2025-02-03-minutes.txt"),
]

if __name__ == "__main__":
    write(R, D, Path(__file__).with_name("expected.jsonl"))
