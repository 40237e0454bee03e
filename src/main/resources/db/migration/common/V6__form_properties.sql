-- Integrity signals (issue 15): who a form's workbook says created it, saved it last, and when it was
-- created, so that forms of different branches made by one person can be shown to the council.
ALTER TABLE ur_row ADD COLUMN form_creator VARCHAR(300);
ALTER TABLE ur_row ADD COLUMN form_modified_by VARCHAR(300);
ALTER TABLE ur_row ADD COLUMN form_created VARCHAR(40);
