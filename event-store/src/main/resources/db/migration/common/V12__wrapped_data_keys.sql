-- A couple's data key is kept wrapped by the key-encryption key (outside this database), with a
-- marker and the wrapping's own nonce and tag: longer than the bare key was. Keys kept in the clear
-- by an earlier build are wrapped at the first start of this one.
ALTER TABLE couple_key ALTER COLUMN key_material SET DATA TYPE VARCHAR(512);
