package vn.unionreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchHistory;

class RegistryReaderTest {

    @TempDir
    Path dir;

    private InputFile file(String content) throws Exception {
        Path p = dir.resolve("registry.csv");
        Files.writeString(p, content);
        return new InputFile(p, "registry.csv", InputFile.Role.REGISTRY, Files.size(p), "");
    }

    @Test
    void readsBranchesAndRejectsIncompleteOrRepeatedRows() throws Exception {
        String nfd = Normalizer.normalize("Công đoàn Bệnh viện Mắt", Normalizer.Form.NFD);
        Registry registry = RegistryReader.read(file("Bloc,Code,Name,Address\n"
                + "Khối Y tế,cdcs-001,  " + nfd + " ,x\n"
                + "Khối Y tế,CDCS-002,,x\n"
                + "Khối Y tế,CDCS-001,Trùng mã,x\n"));
        assertThat(registry.rowsRead()).isEqualTo(3);
        assertThat(registry.branches()).containsExactly(new Branch("CDCS-001", "Công đoàn Bệnh viện Mắt", "Khối Y tế"));
        assertThat(registry.problems())
                .extracting(p -> p.severity() + " " + p.row() + " " + p.cell() + ": "
                        + p.reason().english())
                .containsExactly(
                        "NOTE 1 D1: registry column 'Address' ignored",
                        "REJECTED 3 C3: registry row has no name",
                        "REJECTED 4 B4: code CDCS-001 repeats registry row 2");
    }

    @Test
    void aRegistryWithoutItsColumnsStopsTheRunWithAClearMessage() throws Exception {
        InputFile registry = file("ma,ten\nCDCS-001,X\n");
        assertThat(catchThrowable(() -> RegistryReader.read(registry)))
                .isInstanceOf(InputException.class)
                .hasMessage("registry.csv: the registry header (row 1) has no column code, name, bloc");
    }

    @Test
    void readsABranchsHistoryAndRefusesEachValueItCannotUseWithItsCell() throws Exception {
        Registry registry = RegistryReader.read(
                file("code,name,bloc,established,reorganised,dissolved,predecessors\n"
                        + "A-1,Một,K,2010-01-15,,,\n"
                        + "A-2,Hai,K,01/03/2026,01/03/2026,,A-OLD; A-OLD2\n"
                        + "A-3,Ba,K,2026-02-30,,,\n"
                        + "A-4,Bốn,K,2027-01-02,,,\n"
                        + "A-5,Năm,K,2020-01-01,,2019-06-30,A-5\n"
                        + "A-6,Sáu,K,,,15/06/2026,A-7\n"
                        + "A-7,Bảy,K,,,,A-6\n"),
                InputLimits.DEFAULTS,
                LocalDate.of(2026, 12, 31));
        assertThat(registry.branches()).hasSize(7);
        Map<String, BranchHistory> history = new HashMap<>();
        registry.branches().forEach(b -> history.put(b.code(), b.history()));
        assertThat(history.get("A-1").established()).isEqualTo(LocalDate.of(2010, 1, 15));
        assertThat(history.get("A-2"))
                .isEqualTo(new BranchHistory(
                        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), null, List.of("A-OLD", "A-OLD2")));
        assertThat(history.get("A-3")).as("30 February is no date").isEqualTo(BranchHistory.NONE);
        assertThat(history.get("A-4")).as("founded after the rating date").isEqualTo(BranchHistory.NONE);
        assertThat(history.get("A-5").dissolved())
                .as("dissolved before founded")
                .isNull();
        assertThat(history.get("A-5").predecessors()).as("itself").isEmpty();
        assertThat(history.get("A-6").dissolved()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(history.get("A-6").predecessors()).as("a circle").isEmpty();
        assertThat(history.get("A-7").predecessors()).isEmpty();
        assertThat(registry.problems())
                .extracting(p -> p.severity() + " " + p.row() + " " + p.cell() + ": "
                        + p.reason().english())
                .containsExactly(
                        "REJECTED 4 D4: established: not a date: write it 2026-03-01 or 01/03/2026",
                        "REJECTED 5 D5: established: founded on 2027-01-02, after 2026-12-31, the date the year's rating looks at",
                        "REJECTED 6 F6: dissolved: 2019-06-30 is before the branch was founded (2020-01-01)",
                        "REJECTED 6 G6: predecessors: A-5 cannot continue itself",
                        "REJECTED 7 G7: predecessors of A-6: A-7 lead back to A-6",
                        "REJECTED 8 G8: predecessors of A-7: A-6 lead back to A-7");
    }

    @Test
    void aDateIsWrittenOneOfTwoWaysOrIsASpreadsheetsDateNumber() {
        assertThat(RegistryReader.parseDate("2026-03-01", CellKind.UNTYPED)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(RegistryReader.parseDate("01/03/2026", CellKind.TEXT)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(RegistryReader.parseDate("46082", CellKind.NUMBER)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(RegistryReader.parseDate("46082", CellKind.UNTYPED)).isNull();
        assertThat(RegistryReader.parseDate("1/3/2026", CellKind.UNTYPED)).isNull();
        assertThat(RegistryReader.parseDate("2026-3-1", CellKind.UNTYPED)).isNull();
        assertThat(RegistryReader.parseDate("29/02/2025", CellKind.UNTYPED)).isNull();
        assertThat(RegistryReader.parseDate("29/02/2028", CellKind.UNTYPED)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(RegistryReader.parseDate("tháng 3", CellKind.UNTYPED)).isNull();
    }

    @Test
    void aPredecessorNoEarlierYearKnowsIsNotedWithItsCell() throws Exception {
        InputFile registry = file("code,name,bloc,predecessors\nB-1,Một,K,OLD-1;OLD-2\nB-2,Hai,K,\n");
        Registry read = RegistryReader.read(registry, InputLimits.DEFAULTS, null, () -> Set.of("OLD-1", "B-2"));
        assertThat(read.branches().get(0).history().predecessors()).containsExactly("OLD-1", "OLD-2");
        assertThat(read.problems())
                .extracting(p -> p.severity() + " " + p.row() + " " + p.cell() + " " + p.value())
                .containsExactly("NOTE 2 D2 OLD-2");
        // no earlier year to ask: nothing to say
        assertThat(RegistryReader.read(registry, InputLimits.DEFAULTS, null, Set::of)
                        .problems())
                .isEmpty();
    }
}
