package vn.unionreview.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.unionreview.text.Message;

/**
 * A name as people typed it (a branch or bloc name), cleaned the one way everywhere: control characters removed, text
 * typed with a legacy Vietnamese font converted, Unicode NFC and spaces tidied; with what was done, for
 * corrections.csv.
 */
public record PersonName(String text, List<Message> corrections) {

    public PersonName {
        corrections = List.copyOf(corrections);
    }

    public static PersonName of(String typed) {
        List<Message> done = new ArrayList<>();
        String text = typed == null ? "" : typed;
        int controls = Texts.controlCount(text);
        if (controls > 0) {
            text = Texts.withoutControls(text);
            done.add(Message.of("name.controls_removed", "count", controls));
        }
        text = Texts.clean(text);
        Optional<LegacyVietnamese.Conversion> legacy = LegacyVietnamese.detect(text);
        if (legacy.isPresent()) {
            text = Texts.clean(legacy.get().text());
            done.add(Message.of(
                    "name.legacy_font", "font", legacy.get().encoding().label(), "read", text));
        }
        return new PersonName(text, done);
    }
}
