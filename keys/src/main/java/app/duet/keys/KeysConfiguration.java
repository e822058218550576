package app.duet.keys;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The keys folder ({@code duet.keys.dir}), its key-encryption key and erasure ledger, for every part
 * of Duet that keeps keys in a database: the event store's data keys and the issuer's signing key.
 * {@code duet.keys.create-if-missing} makes the key on a first start (standalone's default); where it
 * is off, a missing key stops the start instead of silently making one that unwraps nothing.
 */
@Configuration(proxyBeanMethods = false)
public class KeysConfiguration {

    @Bean
    KeysFolder keysFolder(@Value("${duet.keys.dir:${user.home}/.duet/keys}") Path dir) {
        return new KeysFolder(dir.toAbsolutePath().normalize());
    }

    @Bean
    KeyEncryptionKey keyEncryptionKey(KeysFolder folder, @Value("${duet.keys.create-if-missing:true}") boolean createIfMissing) {
        return KeyEncryptionKey.in(folder, createIfMissing);
    }

    @Bean
    ErasureLedger erasureLedger(KeysFolder folder) {
        return ErasureLedger.in(folder);
    }

    @Bean
    KeyRotation keyRotation(KeyEncryptionKey key, java.util.List<KeptKeys> kept,
                            @Value("${duet.keys.rotate:false}") boolean rotate, @Value("${duet.keys.retire-old:false}") boolean retireOld) {
        return new KeyRotation(key, kept, rotate, retireOld);
    }
}
