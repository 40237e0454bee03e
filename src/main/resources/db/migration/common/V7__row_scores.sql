-- One pass at national size (issue 12): each accepted submission is scored as it is read, and the
-- score step ranks these instead of reading and scoring every submission again. See StoredScore.
ALTER TABLE ur_row ADD COLUMN score VARCHAR(4000);
ALTER TABLE ur_row ADD COLUMN explanation VARCHAR(20000);
