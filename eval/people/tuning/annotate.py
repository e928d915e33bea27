# ruff: noqa: E501  (annotation data: one meeting per block, one role per line)
"""Writes expected.jsonl: the people roles and decision outcomes of the tuning minutes, written by hand."""
import json
from pathlib import Path

R = {
 "ashworth-cabinet-2024-01-16-minutes.txt": {
  "present": ["John Smith", "Priya Patel", "Owen Hartley", "Jane Smith", "Tom Reilly", "Amara Okafor", "Gwen Fairley"],
  "chair": ["John Smith"], "vice-chair": ["Priya Patel"],
  "officer": ["Rebecca Lowe", "Martin Quayle", "Sanjay Mehta", "Laura Birch"],
  "apologies": ["Derek Voss"], "declared": ["Tom Reilly"],
  "moved": ["Jane Smith", "Priya Patel"], "seconded": ["Owen Hartley", "Amara Okafor"], "owner": ["Jane Smith"],
  "asked": ["Gwen Fairley"], "answered": ["Jane Smith"]},
 "ashworth-planning-2024-02-07-minutes.txt": {
  "present": ["Owen Hartley", "Barry Nolan", "Rowan Ashby", "J Smith", "Mark Kowalski", "Stella Greaves", "Tom Reilly"],
  "chair": ["Owen Hartley"], "vice-chair": ["Barry Nolan"],
  "officer": ["Helen Marsh", "Gareth Pryce", "Sanjay Mehta"],
  "apologies": ["Lena Ford", "Derek Voss"], "substitute": ["Stella Greaves"], "declared": ["Mark Kowalski"],
  "moved": ["Rowan Ashby", "J Smith"], "seconded": ["Barry Nolan", "Stella Greaves"],
  "voted-for": ["Rowan Ashby", "Barry Nolan", "Tom Reilly"], "voted-against": ["Owen Hartley", "J Smith", "Stella Greaves"]},
 "ashworth-osc-2024-03-05-agenda-pack.txt": {
  "present": ["Gwen Fairley", "Rowan Ashby", "Lena Ford", "Jane Smith", "Mark Kowalski", "Stella Greaves", "Priya Patel"],
  "chair": ["Gwen Fairley"], "vice-chair": ["Rowan Ashby"], "officer": ["Nadia Khan"],
  "apologies": ["Barry Nolan"], "substitute": ["Stella Greaves"],
  "moved": ["Lena Ford"], "seconded": ["Mark Kowalski"], "owner": ["Nadia Khan"]},
 "glanmor-council-2023-11-23-minutes.txt": {
  "present": ["Eirlys Rhys", "Dafydd ap Gwilym", "Sian Bevan", "Rhodri Davies", "Huw Davies", "Catrin Ellis", "Gareth Evans",
              "Meinir Hughes", "Alun Jenkins", "Nia Morgan", "Peter Osborne", "Bethan Price", "Glyn Williams"],
  "chair": ["Eirlys Rhys"], "vice-chair": ["Gareth Evans"], "officer": ["Ieuan Thomas", "Carys Lloyd", "Rhys Parry"],
  "apologies": ["Emyr Owen", "Ann Whitlock"], "declared": ["Meinir Hughes", "Alun Jenkins"],
  "asked": ["Olwen Pugh"], "answered": ["Huw Davies"],
  "moved": ["Catrin Ellis", "Rhodri Davies", "Peter Osborne"], "seconded": ["Bethan Price", "Sian Bevan", "Gareth Evans"],
  "voted-for": ["Dafydd ap Gwilym", "Sian Bevan", "Rhodri Davies", "Catrin Ellis", "Alun Jenkins", "Nia Morgan", "Bethan Price",
                "Glyn Williams"],
  "voted-against": ["Huw Davies", "Gareth Evans", "Peter Osborne", "Eirlys Rhys"]},
 "glanmor-cabinet-2024-01-09-minutes.txt": {
  "present": ["Gareth Evans", "Huw Davies", "Peter Osborne", "Nia Morgan", "Glyn Williams"], "chair": ["Gareth Evans"],
  "officer": ["Ieuan Thomas", "Rhys Parry", "Delyth Harries"], "apologies": ["Emyr Owen"], "owner": ["Delyth Harries"]},
 "glanmor-scrutiny-2024-02-15-minutes.txt": {
  "present": ["Sian Bevan", "Meinir Hughes", "Rhodri Davies", "Catrin Ellis", "Bethan Price", "Dafydd ap Gwilym", "Tomos Reece"],
  "chair": ["Sian Bevan"], "vice-chair": ["Meinir Hughes"], "apologies": ["Ann Whitlock"], "substitute": ["Dafydd ap Gwilym"],
  "moved": ["Catrin Ellis"], "seconded": ["Bethan Price"]},
 "strathmuir-education-2023-12-14-minute.txt": {
  "present": ["Fiona MacLeod", "Robert Gunn", "Morag Fraser", "Ian Stewart", "Alasdair Munro", "Kirsty Campbell", "Euan Mackay"],
  "chair": ["Fiona MacLeod"], "officer": ["D Ross", "K Ure", "A Lamont"], "apologies": ["Calum Baird"], "declared": ["Ian Stewart"],
  "moved": ["Morag Fraser", "Kirsty Campbell"], "seconded": ["Alasdair Munro", "Euan Mackay"],
  "voted-for": ["Fiona MacLeod", "Morag Fraser", "Ian Stewart", "Alasdair Munro", "Robert Gunn"],
  "voted-against": ["Kirsty Campbell", "Euan Mackay"]},
 "strathmuir-policy-2024-02-01-minute.txt": {
  "present": ["Isobel Kerr", "Fiona MacLeod", "Morag Fraser", "Alasdair Munro", "Kirsty Campbell", "Donald Reid", "Calum Baird",
              "Euan Mackay"],
  "chair": ["Isobel Kerr"], "vice-chair": ["Fiona MacLeod"], "officer": ["G Hendry", "S Wallace"], "apologies": ["Ian Stewart"],
  "substitute": ["Calum Baird"], "moved": ["Fiona MacLeod", "Donald Reid"], "seconded": ["Morag Fraser", "Kirsty Campbell"],
  "voted-for": ["Isobel Kerr", "Fiona MacLeod", "Morag Fraser", "Alasdair Munro", "Calum Baird"],
  "voted-against": ["Kirsty Campbell", "Donald Reid"]},
 "carrickvale-environment-2024-01-08-minutes.txt": {
  "present": ["Samuel McCausland", "John Boyd", "Tom Hanna", "Kathleen Wilson", "Patrick Devlin", "Ciaran Doherty", "Mairead Gallagher",
              "Ruth McKeown", "Aine O'Neill", "Joanne Smith"],
  "chair": ["Samuel McCausland"], "vice-chair": ["Ciaran Doherty"], "officer": ["R Moore", "L Quinn", "D Hegarty"],
  "apologies": ["Brendan Kerr"], "declared": ["Aine O'Neill"],
  "moved": ["Patrick Devlin", "Ruth McKeown", "John Boyd", "Kathleen Wilson"],
  "seconded": ["Tom Hanna", "Mairead Gallagher", "Ciaran Doherty", "Joanne Smith"],
  "voted-for": ["John Boyd", "Kathleen Wilson", "Patrick Devlin", "Ciaran Doherty", "Aine O'Neill", "Joanne Smith"],
  "voted-against": ["Tom Hanna", "Mairead Gallagher", "Ruth McKeown", "Samuel McCausland"]},
 "carrickvale-council-2024-01-29-minutes.txt": {
  "present": ["Ciaran Doherty", "John Boyd", "Tom Hanna", "Samuel McCausland", "Kathleen Wilson", "Brendan Kerr", "Patrick Devlin",
              "Mairead Gallagher", "Ruth McKeown", "Aine O'Neill", "Joanne Smith", "Declan Walsh"],
  "chair": ["Ciaran Doherty"], "officer": ["Colin Ferris", "R Moore", "D Hegarty"], "declared": ["Declan Walsh"],
  "moved": ["Samuel McCausland", "Brendan Kerr", "Tom Hanna"], "seconded": ["Mairead Gallagher", "Aine O'Neill", "John Boyd"],
  "asked": ["Patrick Devlin"], "answered": ["Colin Ferris"]},
 "fordham-town-council-2024-03-12-minutes.txt": {
  "present": ["Alan Turner", "Beverley Hughes", "Colin Webb", "Dawn Lamb", "Edward Fisk", "Frances Moss", "George Ibbotson"],
  "chair": ["Alan Turner"], "vice-chair": ["Beverley Hughes"], "officer": ["Pauline Harding", "Adam Cole"],
  "apologies": ["Harriet Nye"], "declared": ["Edward Fisk"],
  "moved": ["Colin Webb", "Beverley Hughes", "George Ibbotson"], "seconded": ["Frances Moss", "Dawn Lamb"],
  "voted-for": ["George Ibbotson", "Frances Moss", "Beverley Hughes", "Alan Turner"], "voted-against": ["Colin Webb", "Dawn Lamb"],
  "abstained": ["Edward Fisk"]},
 "fordham-town-council-2024-04-09-minutes.txt": {
  "present": ["Alan Turner", "Beverley Hughes", "Colin Webb", "Edward Fisk", "Harriet Nye", "Frances Moss"],
  "chair": ["Alan Turner"], "vice-chair": ["Beverley Hughes"], "officer": ["Pauline Harding"],
  "apologies": ["Dawn Lamb", "George Ibbotson"], "moved": ["Harriet Nye", "Edward Fisk"], "seconded": ["Colin Webb", "Beverley Hughes"]},
}
D = [
 ("ashworth-cabinet-2024-01-16-report-leisure.txt", "agreed", "ashworth-cabinet-2024-01-16-minutes.txt"),
 ("ashworth-cabinet-2024-01-16-report-fees.txt", "agreed-amended", "ashworth-cabinet-2024-01-16-minutes.txt"),
 ("ashworth-planning-2024-02-07-report-mill-lane.txt", "agreed", "ashworth-planning-2024-02-07-minutes.txt"),
 ("ashworth-osc-2024-02-06-report-temporary-accommodation.txt", "deferred", "ashworth-osc-2024-03-05-agenda-pack.txt"),
 ("ashworth-osc-2024-03-05-agenda-pack.txt", "not-found", ""),
 ("ashworth-cabinet-2024-02-13-decision-car-parks.txt", "agreed", "ashworth-cabinet-2024-02-13-decision-car-parks.txt"),
 ("glanmor-council-2023-11-23-report-school.txt", "referred", "glanmor-council-2023-11-23-minutes.txt"),
 ("glanmor-cabinet-2024-01-09-report-budget.txt", "agreed-amended", "glanmor-cabinet-2024-01-09-minutes.txt"),
 ("glanmor-cabinet-2024-01-09-report-social-services.txt", "noted", "glanmor-cabinet-2024-01-09-minutes.txt"),
 ("glanmor-scrutiny-2024-02-15-report-waste.txt", "agreed-amended", "glanmor-scrutiny-2024-02-15-minutes.txt"),
 ("strathmuir-education-2023-12-14-report-elc.txt", "agreed", "strathmuir-education-2023-12-14-minute.txt"),
 ("strathmuir-education-2023-12-14-report-estate.txt", "deferred", "strathmuir-education-2023-12-14-minute.txt"),
 ("strathmuir-policy-2024-02-01-report-council-tax.txt", "agreed", "strathmuir-policy-2024-02-01-minute.txt"),
 ("strathmuir-policy-2024-02-01-report-treasury.txt", "referred", "strathmuir-policy-2024-02-01-minute.txt"),
 ("carrickvale-environment-2024-01-08-report-glass.txt", "deferred", "carrickvale-environment-2024-01-08-minutes.txt"),
 ("carrickvale-council-2024-01-29-report-rates.txt", "agreed", "carrickvale-council-2024-01-29-minutes.txt"),
 ("fordham-town-council-2024-03-12-report-cemetery.txt", "agreed", "fordham-town-council-2024-03-12-minutes.txt"),
 ("fordham-town-council-2024-04-09-report-cctv.txt", "deferred", "fordham-town-council-2024-04-09-minutes.txt"),
]


def write(roles: dict, decisions: list, path: Path) -> None:
    with path.open("w") as out:
        for file, by_role in roles.items():
            for role, names in by_role.items():
                for name in dict.fromkeys(names):
                    out.write(json.dumps({"kind": "role", "file": file, "role": role, "name": name}) + "\n")
        for report, outcome, minutes in decisions:
            out.write(json.dumps({"kind": "decision", "report": report, "outcome": outcome, "minutes": minutes}) + "\n")


if __name__ == "__main__":
    write(R, D, Path(__file__).with_name("expected.jsonl"))
