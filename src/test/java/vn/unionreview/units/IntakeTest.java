package vn.unionreview.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.council.CouncilDecisions;
import vn.unionreview.ingest.InputLimits;
import vn.unionreview.sign.SigningKey;
import vn.unionreview.sign.ThrowawayCa;

/**
 * A province's units/ folder taken: each unit ends accepted, refused (with why), missing or replaced by its later
 * publication, and a bundle of a body the list does not name is refused; the list itself names what it cannot use.
 */
class IntakeTest {

    @TempDir
    static Path keys;

    @TempDir
    Path dir;

    static ThrowawayCa ca;
    static Path wardKey;
    static Path communeKey;

    @BeforeAll
    static void keysOfTwoUnits() throws Exception {
        ca = new ThrowawayCa("CA thử nghiệm");
        wardKey = ca.issuePkcs12("Công đoàn phường Thành Sen", keys.resolve("ward.p12"), UnitBundles.PASSWORD);
        communeKey = ca.issuePkcs12("Công đoàn xã Thạch Hà", keys.resolve("commune.p12"), UnitBundles.PASSWORD);
    }

    @Test
    void eachUnitEndsInOneStateWithItsReason() throws Exception {
        Path units = Files.createDirectories(dir.resolve("input/2026/units"));
        List<Path> bundles = List.of(
                copy(
                        UnitBundles.bundle(
                                dir,
                                "Công đoàn phường Thành Sen",
                                wardKey,
                                "final",
                                "aaaaaaaaaaa1",
                                "2026-12-10",
                                "01/QĐ"),
                        units),
                copy(
                        UnitBundles.bundle(
                                dir,
                                "Công đoàn phường Thành Sen",
                                wardKey,
                                "final",
                                "aaaaaaaaaaa2",
                                "2026-12-20",
                                "02/QĐ"),
                        units),
                copy(
                        UnitBundles.bundle(
                                dir, "Công đoàn xã Thạch Hà", wardKey, "final", "bbbbbbbbbbb1", "2026-12-15", "07/QĐ"),
                        units),
                copy(
                        UnitBundles.bundle(
                                dir, "Công đoàn phường Bắc Hà", null, "final", "ccccccccccc1", "2026-12-15", "03/QĐ"),
                        units));
        List<Unit> list = List.of(
                new Unit(
                        "P-TS",
                        "Công đoàn phường Thành Sen",
                        SigningKey.pkcs12(wardKey, UnitBundles.PASSWORD).certificate()),
                new Unit(
                        "X-TH",
                        "Công đoàn xã Thạch Hà",
                        SigningKey.pkcs12(communeKey, UnitBundles.PASSWORD).certificate()),
                new Unit("X-CX", "Công đoàn xã Cẩm Xuyên", null));
        List<Intake.Outcome> outcomes = new Intake(new BundleCheck(2026, InputLimits.DEFAULTS, false))
                .take(list, bundles.stream().sorted().toList(), Files.createDirectories(dir.resolve("work")));

        assertThat(outcomes)
                .extracting(o -> (o.unit() == null ? "?" : o.unit().code()) + " " + o.state() + " " + o.bundle())
                .containsExactly(
                        "P-TS REPLACED " + bundles.get(0).getFileName(),
                        "P-TS ACCEPTED " + bundles.get(1).getFileName(),
                        "X-TH REFUSED " + bundles.get(2).getFileName(),
                        "X-CX MISSING ",
                        "? REFUSED " + bundles.get(3).getFileName());
        assertThat(outcomes.get(0).reason().english())
                .isEqualTo(bundles.get(0).getFileName() + " is replaced by "
                        + bundles.get(1).getFileName() + ", the unit's later publication (decision 02/QĐ)");
        // the commune's bundle is signed with the ward's key
        assertThat(outcomes.get(2).reason().english())
                .contains("is signed by Công đoàn phường Thành Sen, whose certificate does not chain to Công đoàn xã"
                        + " Thạch Hà's");
        assertThat(outcomes.get(3).reason().english()).isEqualTo("no bundle received from this unit");
        assertThat(outcomes.get(4).reason().english())
                .contains("is the bundle of Công đoàn phường Bắc Hà, which the list of units does not name");
        assertThat(outcomes.get(1).checked().signer()).isEqualTo("Công đoàn phường Thành Sen");

        // the council returns the standing result; a return of a unit with no result taken, or of none, says why
        Intake.Returned returned = Intake.returning(
                outcomes,
                List.of(
                        new CouncilDecisions.Return("P-TS", "Thiếu biên bản họp xét"),
                        new CouncilDecisions.Return("X-TH", "Sai khối"),
                        new CouncilDecisions.Return("X-CX", "Chưa gửi"),
                        new CouncilDecisions.Return("X-ZZ", "Gõ nhầm")),
                "07/BB",
                "18/12/2026");
        assertThat(returned.outcomes())
                .extracting(o -> o.state() + " " + o.bundle())
                .containsExactly(
                        "REPLACED " + bundles.get(0).getFileName(),
                        "RETURNED " + bundles.get(1).getFileName(),
                        "REFUSED " + bundles.get(2).getFileName(),
                        "MISSING ",
                        "REFUSED " + bundles.get(3).getFileName());
        assertThat(returned.outcomes().get(1).reason().english())
                .isEqualTo("returned by the council (minutes 07/BB of 18/12/2026): Thiếu biên bản họp xét");
        assertThat(returned.outcomes().get(1).checked())
                .isSameAs(outcomes.get(1).checked());
        assertThat(returned.notApplied())
                .extracting(n -> n.index() + " " + n.why().english())
                .containsExactly(
                        "1 unit X-TH's result was not taken (its bundle was refused): there is nothing to return",
                        "2 unit X-CX's result was not taken (it sent no bundle): there is nothing to return",
                        "3 no unit X-ZZ in the list of units: the return is not applied; check the code against"
                                + " units.csv");
    }

    @Test
    void theListNamesWhatItCannotUseAndKeepsTheRest() throws Exception {
        Path year = Files.createDirectories(dir.resolve("input/2026"));
        ca.writePem(year.resolve("ca.pem"));
        Files.writeString(year.resolve("rac.pem"), "không phải chứng thư");
        Path list = Files.writeString(
                year.resolve("units.csv"),
                "code,name,certificate\n"
                        + "P-TS,Công đoàn phường Thành Sen,ca.pem\n"
                        + "X-TH,Công đoàn xã Thạch Hà,khong-co.pem\n"
                        + "X-CX,Công đoàn xã Cẩm Xuyên,rac.pem\n"
                        + "P-TS,Công đoàn phường khác,ca.pem\n"
                        + ",Không mã,\n"
                        + "X-KA,Công đoàn xã Kỳ Anh,../../../etc/passwd\n");
        UnitsList.Read read = UnitsList.read(list, "units.csv", year, InputLimits.DEFAULTS);
        assertThat(read.units()).extracting(Unit::code).containsExactly("P-TS", "X-TH", "X-CX", "X-KA");
        assertThat(read.units().get(0).certificate()).isEqualTo(ca.certificate());
        assertThat(read.units().subList(1, 4)).allMatch(u -> u.certificate() == null);
        assertThat(read.problems())
                .extracting(p -> p.row() + " " + p.reason().code())
                .containsExactly(
                        "3 units.certificate_missing",
                        "4 units.certificate_unreadable",
                        "5 units.list_code_twice",
                        "6 units.list_row_incomplete",
                        "7 units.certificate_missing");
        Path wrong = Files.writeString(year.resolve("sai.csv"), "ma,ten\nP-TS,x\n");
        assertThat(UnitsList.read(wrong, "sai.csv", year, InputLimits.DEFAULTS).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason().english())
                        .startsWith("the list of units lacks the columns code, name, certificate"));
    }

    private static Path copy(Path bundle, Path folder) throws Exception {
        return Files.copy(bundle, folder.resolve(bundle.getFileName()));
    }
}
