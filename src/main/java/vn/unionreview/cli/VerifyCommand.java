package vn.unionreview.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vn.unionreview.audit.Manifest;
import vn.unionreview.sign.ManifestSignature;
import vn.unionreview.sign.SigningKey;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Speech;
import vn.unionreview.year.Replay;

/**
 * {@code verify MANIFEST}: replays a run from its archive alone (never from input/) and says whether the same answer
 * comes out.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Replay a run from its archived rule set and inputs alone and compare with what it recorded.",
            "Prints 'identical' (exit 0) or the first differences: branch, field, old and new value (exit 1).",
            "An archived file that no longer matches its SHA-256 is reported and nothing is replayed (exit 1)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:identical", "1:different, or the archive was tampered with", "2:not a readable manifest"})
class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MANIFEST", description = "a run's manifest.json, e.g. output/2025/<run>/manifest.json")
    Path manifestFile;

    @Option(
            names = "--trust",
            paramLabel = "CERT",
            description =
                    "the agency's (or its CA's) certificate, PEM or DER: check first that"
                            + " manifest.json.p7s signs this manifest and that its signer chains to this certificate (offline: no revocation check)")
    Path trust;

    @Override
    public Integer call() throws Exception {
        Catalogue words = CommandLanguage.configured();
        Speech said = Speech.printing(spec.commandLine().getOut(), words);
        Speech warned = Speech.printing(spec.commandLine().getErr(), words);
        Manifest manifest;
        try {
            manifest = Manifest.read(manifestFile);
        } catch (IOException e) {
            warned.say("verify.unreadable", "file", manifestFile.toString(), "detail", String.valueOf(e.getMessage()));
            return UnionReviewCli.USAGE;
        }
        boolean trusted = true;
        if (trust != null) {
            X509Certificate certificate;
            try {
                certificate = ManifestSignature.readCertificate(trust);
            } catch (IOException | GeneralSecurityException e) {
                warned.say(
                        "verify.trust_unreadable", "file", trust.toString(), "detail", String.valueOf(e.getMessage()));
                return UnionReviewCli.USAGE;
            }
            ManifestSignature.Check check = ManifestSignature.check(manifestFile, certificate);
            trusted = check.problems().isEmpty();
            if (trusted) {
                said.say(
                        "verify.manifest_signed",
                        "signer",
                        check.signer(),
                        "time",
                        check.signedAt(),
                        "trusted",
                        SigningKey.commonName(certificate));
            } else {
                check.problems().forEach(warned::say);
            }
        }
        Manifest recorded = manifest;
        Replay.Result result = Replay.verify(
                manifest,
                manifestFile,
                () -> said.say(
                        "verify.replaying",
                        "year",
                        String.valueOf(recorded.year()),
                        "run",
                        recorded.run(),
                        "rules",
                        recorded.rules().name(),
                        "files",
                        recorded.inputs().size()));
        switch (result.verdict()) {
            case IDENTICAL -> result.lines().forEach(said::say);
            case DIFFERENT -> {
                said.say("verify.different");
                result.lines().forEach(d -> said.say("cli.item", "line", d));
            }
            case TAMPERED -> {
                warned.say("verify.tampered", "year", String.valueOf(manifest.year()), "run", manifest.run());
                result.lines().forEach(t -> warned.say("cli.item", "line", t));
            }
            case NOT_REPLAYED -> result.lines().forEach(warned::say);
        }
        result.notes().forEach(said::say);
        return result.verdict() == Replay.Verdict.IDENTICAL && trusted ? UnionReviewCli.OK : UnionReviewCli.FAILED;
    }
}
