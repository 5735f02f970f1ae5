"""From resolution text to a draft catalogue (`dondoc catalog extract`).

Pure text processing: reading (.txt, .docx, .pdf), finding where work is assigned, reading
agencies, deadlines, counts and targets, and writing a catalogue that passes validation.
Entry point: `extraction.draft.extract_draft`.
"""
