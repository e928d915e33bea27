# ruff: noqa: E501  (annotation data: one meeting per block, one role per line)
"""Writes expected.jsonl for the third held-out set: four meetings written after the fixes that followed
the second held-out run, annotated before the rules were run on them, and measured once."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tuning"))
from annotate import write

R = {
 "eastbrook-cabinet-2024-11-19-minutes.txt": {
  "present": ["Deborah Smith-Jones", "Liam O'Brien", "Fatima De Souza", "Gavin McDonald", "Priti Shah", "Tom Whitcombe", "Harry Lowther", "Ruth Ogden"],
  "chair": ["Deborah Smith-Jones"], "officer": ["Sandra Keogh", "Neil Pardoe", "Amrit Sandhu"], "apologies": ["Jack Bellamy"],
  "declared": ["Priti Shah"]},
 "newtownforth-planning-2024-09-26-minutes.txt": {
  "present": ["P McKee", "A Devine", "H Lyttle", "R Orr", "M Cassidy", "S Doherty", "K Fleming", "D Mulligan"],
  "chair": ["P McKee"], "vice-chair": ["A Devine"], "officer": ["E Rankin", "G Toal", "C Nugent"], "apologies": ["L Grant"],
  "declared": ["R Orr"], "moved": ["M Cassidy", "H Lyttle"], "seconded": ["K Fleming", "S Doherty"],
  "voted-for": ["M Cassidy", "A Devine", "K Fleming", "D Mulligan"], "voted-against": ["H Lyttle", "P McKee", "S Doherty"]},
 "sirdyffryn-council-2024-10-24-minutes.txt": {
  "present": ["Elin Pryce", "Dewi Lloyd", "Gethin Bowen", "Ffion Evans", "Ifan Griffiths", "Rhian Griffiths", "Mostyn Hughes", "Sara James",
              "Bryn Morgan", "Heledd Owen", "Wyn Parry"],
  "chair": ["Elin Pryce"], "vice-chair": ["Dewi Lloyd"], "officer": ["Llinos Roberts", "Arwel Davies", "Nerys Price"],
  "apologies": ["Alwyn Jones", "Menna Rees"], "declared": ["Sara James"], "asked": ["Mostyn Hughes"], "answered": ["Dewi Lloyd"],
  "moved": ["Ifan Griffiths", "Rhian Griffiths"], "seconded": ["Heledd Owen", "Ffion Evans"],
  "voted-for": ["Gethin Bowen", "Ffion Evans", "Ifan Griffiths", "Rhian Griffiths", "Mostyn Hughes", "Heledd Owen"],
  "voted-against": ["Dewi Lloyd", "Bryn Morgan", "Wyn Parry", "Elin Pryce"], "abstained": ["Sara James"]},
 "kinrossforth-audit-2024-12-03-minute.txt": {
  "present": ["Alan Paterson", "Gillian Reid", "Craig Baxter", "Isla Morrison", "Neil Ritchie", "Fraser Wood", "Douglas Kerr"],
  "chair": ["Alan Paterson"], "vice-chair": ["Gillian Reid"], "officer": ["J Brodie", "S MacPhail", "L Dow"], "apologies": ["Kerry Shand"],
  "substitute": ["Fraser Wood"], "moved": ["Craig Baxter", "Neil Ritchie"], "seconded": ["Isla Morrison", "Fraser Wood"],
  "voted-for": ["Craig Baxter", "Isla Morrison", "Alan Paterson"], "voted-against": ["Gillian Reid", "Neil Ritchie", "Fraser Wood", "Douglas Kerr"]},
}
D = [
 ("eastbrook-cabinet-2024-11-19-report-mtfs.txt", "agreed", "eastbrook-cabinet-2024-11-19-minutes.txt"),
 ("eastbrook-cabinet-2024-11-19-report-heating.txt", "rejected", "eastbrook-cabinet-2024-11-19-minutes.txt"),
 ("eastbrook-cabinet-2024-11-19-report-pspo.txt", "noted", "eastbrook-cabinet-2024-11-19-minutes.txt"),
 ("newtownforth-planning-2024-09-26-report-mill-road.txt", "rejected", "newtownforth-planning-2024-09-26-minutes.txt"),
 ("newtownforth-planning-2024-09-26-report-glen-lane.txt", "agreed", "newtownforth-planning-2024-09-26-minutes.txt"),
 ("sirdyffryn-council-2024-10-24-report-asset-transfer.txt", "agreed-amended", "sirdyffryn-council-2024-10-24-minutes.txt"),
 ("kinrossforth-audit-2024-12-03-report-plan.txt", "agreed-amended", "kinrossforth-audit-2024-12-03-minute.txt"),
 ("kinrossforth-audit-2024-12-03-report-external.txt", "noted", "kinrossforth-audit-2024-12-03-minute.txt"),
]

if __name__ == "__main__":
    write(R, D, Path(__file__).with_name("expected.jsonl"))
