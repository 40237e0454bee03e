package vn.unionreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.scoring.Branch;

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
}
