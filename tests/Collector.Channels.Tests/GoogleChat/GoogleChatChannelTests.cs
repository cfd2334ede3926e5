using System.Text.Json;
using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Channels.GoogleChat;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Sending;
using MonitoramentoBKP.Collector.Channels.Tests.Support;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.FakeChannels.GoogleChat;
using MonitoramentoBKP.FakeChannels.Http;

namespace MonitoramentoBKP.Collector.Channels.Tests.GoogleChat;

public sealed class GoogleChatChannelTests
{
    private static GoogleChatChannel Channel(FakeGoogleChat chat, Uri? url = null) =>
        new(Http.Client(), new GoogleChatSettings { WebhookUrl = url ?? chat.WebhookUrl }, TimeProvider.System);

    [Fact]
    public void An_alert_is_one_card_with_its_facts_reasons_what_to_do_link_and_event_id_in_the_incidents_thread()
    {
        var json = GoogleChatFormatter.Format(Samples.Alert()).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Equal(
            """
            {
              "text": "FALHOU: Loja Moema (F004) sql-vendas (Alerta: F004/sql-vendas/20261130-140500.1)",
              "cardsV2": [
                {
                  "cardId": "F004/sql-vendas/20261130-140500.1",
                  "card": {
                    "header": {
                      "title": "FALHOU: Loja Moema (F004) sql-vendas",
                      "subtitle": "Aberto"
                    },
                    "sections": [
                      {
                        "widgets": [
                          {
                            "decoratedText": {
                              "topLabel": "Evento",
                              "text": "Aberto",
                              "wrapText": true
                            }
                          },
                          {
                            "decoratedText": {
                              "topLabel": "Estado",
                              "text": "FALHOU",
                              "wrapText": true
                            }
                          },
                          {
                            "decoratedText": {
                              "topLabel": "Anterior",
                              "text": "OK",
                              "wrapText": true
                            }
                          },
                          {
                            "decoratedText": {
                              "topLabel": "Desde",
                              "text": "30/11/2026 11:05",
                              "wrapText": true
                            }
                          },
                          {
                            "decoratedText": {
                              "topLabel": "Fuso horário",
                              "text": "America/Sao_Paulo",
                              "wrapText": true
                            }
                          }
                        ]
                      },
                      {
                        "widgets": [
                          {
                            "textParagraph": {
                              "text": "• O backup mais recente tem 1,2 MB, menos que o mínimo de 50 MB."
                            }
                          }
                        ],
                        "header": "Motivo"
                      },
                      {
                        "header": "O que fazer",
                        "widgets": [
                          {
                            "textParagraph": {
                              "text": "Confira o job de backup no servidor da loja."
                            }
                          }
                        ]
                      },
                      {
                        "widgets": [
                          {
                            "buttonList": {
                              "buttons": [
                                {
                                  "text": "Abrir a planilha",
                                  "onClick": {
                                    "openLink": {
                                      "url": "https://docs.google.com/spreadsheets/d/abc123/edit"
                                    }
                                  }
                                }
                              ]
                            }
                          },
                          {
                            "textParagraph": {
                              "text": "<i>Alerta: F004/sql-vendas/20261130-140500.1</i>"
                            }
                          }
                        ]
                      }
                    ]
                  }
                }
              ],
              "thread": {
                "threadKey": "F004/sql-vendas/20261130-140500"
              }
            }
            """,
            json);
    }

    [Fact]
    public void Markup_in_a_name_is_escaped_in_card_text()
    {
        var card = GoogleChatFormatter.Format(Samples.Storm(count: 1) with { Notifications = [Samples.Alert(name: "Loja <b>&</b>")] });

        Assert.Contains("• FALHOU: Loja &lt;b&gt;&amp;&lt;/b&gt; (F004) sql-vendas", card.ToJsonString(ChannelJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void The_reply_option_is_added_to_the_webhook_url_keeping_its_key_and_token()
    {
        var url = GoogleChatChannel.WithReplyOption(new Uri("https://chat.googleapis.com/v1/spaces/AAA/messages?key=K&token=T&messageReplyOption=MESSAGE_REPLY_OPTION_UNSPECIFIED"));

        Assert.Equal("https://chat.googleapis.com/v1/spaces/AAA/messages?key=K&token=T&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD", url.AbsoluteUri);
    }

    [Fact]
    public async Task The_recovery_lands_in_the_alerts_thread_and_another_incident_in_its_own()
    {
        await using var chat = await FakeGoogleChat.StartAsync();
        var channel = Channel(chat);

        Assert.IsType<SendOutcome.Delivered>(await channel.SendAsync(Samples.Alert(), default));
        Assert.IsType<SendOutcome.Delivered>(await channel.SendAsync(Samples.Alert(what: AlertEvent.Resolved, status: SetStatus.Ok, previous: SetStatus.Failed, n: 2, duration: TimeSpan.FromHours(2)), default));
        Assert.IsType<SendOutcome.Delivered>(await channel.SendAsync(Samples.Alert(branch: "F005"), default));

        var posts = chat.Posts;
        Assert.Equal(3, posts.Count);
        Assert.Equal(posts[0].Thread, posts[1].Thread);
        Assert.NotEqual(posts[0].Thread, posts[2].Thread);
        Assert.All(chat.Received, r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task Every_event_digest_and_summary_in_both_languages_is_taken_by_the_fake_space()
    {
        await using var chat = await FakeGoogleChat.StartAsync();
        var channel = Channel(chat);
        var messages = Samples.Languages.SelectMany(l => Samples.EveryEvent(l).Cast<ChannelMessage>().Append(Samples.Storm(l, 300)).Append(Samples.Summary(l, 400))).ToList();

        foreach (var message in messages)
        {
            Assert.IsType<SendOutcome.Delivered>(await channel.SendAsync(message, default));
        }

        Assert.Equal(messages.Count, chat.Posts.Count);
        Assert.Contains("… and ", chat.Posts.Last().Message.ToJsonString(ChannelJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_waits_as_retry_after_says()
    {
        await using var chat = await FakeGoogleChat.StartAsync();
        chat.Enqueue(ChannelFault.RateLimited(TimeSpan.FromSeconds(3)));

        var outcome = await Channel(chat).SendAsync(Samples.Alert(SheetLanguage.English), default);

        var wait = Assert.IsType<SendOutcome.RetryAfter>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(3), wait.Delay);
        Assert.Contains("RESOURCE_EXHAUSTED", wait.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_is_permanent_with_googles_words_and_no_secret_in_them()
    {
        await using var chat = await FakeGoogleChat.StartAsync();
        var wrong = new Uri(chat.BaseUri, $"v1/spaces/{chat.Space}/messages?key={chat.Key}&token=revoked-token");

        var outcome = await Channel(chat, wrong).SendAsync(Samples.Alert(), default);

        var refused = Assert.IsType<SendOutcome.Permanent>(outcome);
        Assert.Equal(401, refused.Status);
        Assert.Equal("Google Chat answered 401: UNAUTHENTICATED Request had invalid authentication credentials. (check the space's webhook URL: it may have been deleted or its key changed)", refused.Detail);
    }

    [Fact]
    public async Task A_403_is_permanent_and_a_500_or_a_hang_transient_and_uncertain()
    {
        await using var chat = await FakeGoogleChat.StartAsync();
        chat.Enqueue(ChannelFault.Fail(403));
        chat.Enqueue(ChannelFault.Fail(500));
        chat.Enqueue(ChannelFault.Hung());
        var channel = Channel(chat);

        Assert.Equal(403, Assert.IsType<SendOutcome.Permanent>(await channel.SendAsync(Samples.Alert(), default)).Status);
        Assert.True(Assert.IsType<SendOutcome.Transient>(await channel.SendAsync(Samples.Alert(), default)).Uncertain);
        Assert.True(Assert.IsType<SendOutcome.Transient>(await channel.SendAsync(Samples.Alert(), default)).Uncertain);
        Assert.Empty(chat.Posts);
    }

    [Fact]
    public void The_limit_is_one_message_a_second_per_space_and_a_url_without_its_key_is_refused()
    {
        Assert.Equal("1 per 1 s per space", new GoogleChatChannel(Http.Client(), new GoogleChatSettings { WebhookUrl = new Uri("https://chat.googleapis.com/v1/spaces/A/messages?key=K&token=T") }, TimeProvider.System).Limits.Single().ToString());
        Assert.Contains("key and token", Assert.Throws<ArgumentException>(() => new GoogleChatChannel(Http.Client(), new GoogleChatSettings { WebhookUrl = new Uri("https://chat.googleapis.com/v1/spaces/A/messages") }, TimeProvider.System)).Message, StringComparison.Ordinal);
    }
}
