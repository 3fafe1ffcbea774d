"""The models this tool runs, each loaded once per process: faces, text, OCR, nudity; and the face cover."""
