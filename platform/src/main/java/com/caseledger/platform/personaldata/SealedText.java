package com.caseledger.platform.personaldata;

import com.caseledger.events.PersonalData;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Personal text as the event store keeps it: {@code pd1:<keyId>:<base64 of iv and AES-256-GCM ciphertext with its
 * tag>}, the key id bound to the ciphertext as associated data. A stored text without this form was recorded before
 * texts were sealed and is read as it is.
 */
public record SealedText(String keyId, byte[] sealed) {

    static final String PREFIX = "pd1:";
    static final String ALGORITHM = "AES";
    static final int KEY_BYTES = 32;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The stored form of a text sealed with a live key. */
    public static String seal(CustomerKey key, String text) {
        if (key.destroyed()) {
            throw new IllegalArgumentException("Key " + key.keyId() + " was destroyed; text is sealed with a live key");
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key.secret(), iv, key.keyId());
            byte[] ciphertext = cipher.doFinal(encode(text));
            byte[] sealed = ByteBuffer.allocate(iv.length + ciphertext.length).put(iv).put(ciphertext).array();
            return PREFIX + key.keyId() + ":" + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available to seal personal data", e);
        }
    }

    /**
     * A stored personal text as readers see it: opened with its key, {@link PersonalData#ERASED} when the key was
     * destroyed, as it is when it was recorded in clear.
     */
    public static String read(String stored, PersonalDataKeys keys) {
        return parse(stored).flatMap(sealed -> keys.key(sealed.keyId()).map(sealed::open)).orElse(stored);
    }

    /** The sealed form of a stored text; empty for a text recorded in clear. */
    public static Optional<SealedText> parse(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int separator = stored.indexOf(':', PREFIX.length());
        if (separator < 0) {
            return Optional.empty();
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(separator + 1));
            return sealed.length <= IV_BYTES ? Optional.empty()
                    : Optional.of(new SealedText(stored.substring(PREFIX.length(), separator), sealed));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The text, or {@link PersonalData#ERASED} when the key was destroyed or does not open it. */
    public String open(CustomerKey key) {
        if (key.destroyed() || !key.keyId().equals(keyId)) {
            return PersonalData.ERASED;
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.secret(), sealed, keyId);
            byte[] text = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return decode(text);
        } catch (AEADBadTagException wrongKeyOrAltered) {
            return PersonalData.ERASED;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available to open personal data", e);
        }
    }

    /**
     * Each UTF-16 unit as UTF-8 encodes a character of its range (a surrogate in three bytes), so that any recorded
     * text, even with an unpaired surrogate, reads back exactly as it was given.
     */
    static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
        return out.toByteArray();
    }

    static String decode(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                text.append((char) b);
            } else if (b < 0xE0) {
                text.append((char) (((b & 0x1F) << 6) | (bytes[++i] & 0x3F)));
            } else {
                int middle = bytes[++i] & 0x3F;
                text.append((char) (((b & 0x0F) << 12) | (middle << 6) | (bytes[++i] & 0x3F)));
            }
        }
        return text.toString();
    }

    /** One cipher a thread: looking one up costs more than the sealing of a short text. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is part of every Java runtime", e);
        }
    });

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String keyId) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv, 0, IV_BYTES));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
